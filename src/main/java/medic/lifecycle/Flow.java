package medic.lifecycle;

import java.util.Optional;

/**
 * What the incident flow remembers about one incident: the alert that named it, who asked for it (empty when an
 * alert did), its runbook run, whether its Slack thread exists, the sealed proposal with the diagnosis it was shown
 * with, and the change an approval made of it.
 */
record Flow(long incidentId, String alertName, Optional<String> requester, Long runId, boolean posted,
            String proposalId, String diffSha256, String viewJson, Long changeId, String approver, int notedAlerts) {

    boolean hasProposal() {
        return proposalId != null;
    }
}
