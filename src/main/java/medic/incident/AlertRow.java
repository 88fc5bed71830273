package medic.incident;

/**
 * An alert occurrence to insert: the alert, the host and upstream it was mapped to (host null with the reason
 * when unknown), its incident (null for none) and the status to store (a late, superseded firing is stored
 * resolved).
 */
record AlertRow(Alert alert, String host, String upstream, String unknownHostReason, Long incidentId,
                AlertStatus status) {
}
