package medic.incident;

/** The part of a stored alert occurrence intake needs to decide: duplicate, resolution, or superseded. */
record StoredAlert(long id, Occurrence occurrence, AlertStatus status, Long incidentId) {
}
