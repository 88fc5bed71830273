package medic.apply;

import java.time.Instant;

/** One approved proposal's way through the apply journal: its current state and the last word on it. */
public record Change(long id, String proposalId, String host, String approver, ChangeState state, String detail,
                     String backupSuffix, Instant createdAt, Instant updatedAt, Instant startedAt) {
}
