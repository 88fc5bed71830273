package medic.store;

import java.time.Instant;

/**
 * A runbook run as stored.
 *
 * @param attempt       0 while queued, 1 once started, one more each time a recovered run resumes
 * @param runner        the scheduler instance that started or resumed it; null while queued
 * @param startedAt     null until started
 * @param finishedAt    null until finished or interrupted
 * @param failureReason why it failed or was interrupted; null otherwise
 */
public record Run(long id, String runbook, String host, RunTrigger trigger, RunStatus status, boolean mutating,
        int attempt, String runner, Instant createdAt, Instant startedAt, Instant finishedAt, String failureReason) {
}
