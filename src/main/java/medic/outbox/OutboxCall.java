package medic.outbox;

import java.time.Instant;

/**
 * One call claimed by a worker: what to send, and the lease token that proves the claim when the worker records the
 * outcome (a worker whose lease ran out and was taken over cannot overwrite the new owner's result).
 *
 * @param attempts sends started so far, this one included
 */
record OutboxCall(long id, String threadKey, long sequence, CallKind kind, String channel, String payload,
        int attempts, Instant createdAt, String leaseToken) {

    /** How the call is named in log lines: thread, place in the thread, method. */
    String describe() {
        return kind.name().toLowerCase(java.util.Locale.ROOT) + " #" + sequence + " of thread " + threadKey + " ("
                + kind.method() + (channel == null ? "" : " to " + channel) + ")";
    }
}
