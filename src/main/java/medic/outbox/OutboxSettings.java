package medic.outbox;

import java.time.Duration;
import java.util.Objects;

/**
 * How the outbox sends.
 *
 * @param maxAttempts     sends of one call before it is dead-lettered (429s do not count: Slack said when to retry)
 * @param channelInterval least time between two calls to one channel (Slack allows about one message per second)
 * @param backoffBase     wait after the first transient failure; doubled per attempt, with jitter
 * @param backoffCap      longest wait between two attempts
 * @param lease           how long a claimed call belongs to its worker; after that another worker may send it again
 * @param senderThreads   calls sent at once (to different threads)
 * @param idlePoll        longest the in-process worker sleeps without looking at the database (rows of other replicas)
 * @param retention       how long sent and superseded calls are kept before the sweep deletes them
 */
public record OutboxSettings(int maxAttempts, Duration channelInterval, Duration backoffBase, Duration backoffCap,
        Duration lease, int senderThreads, Duration idlePoll, Duration retention) {

    public static final OutboxSettings DEFAULTS = new OutboxSettings(8, Duration.ofSeconds(1), Duration.ofSeconds(1),
            Duration.ofMinutes(5), Duration.ofSeconds(60), 4, Duration.ofSeconds(1), Duration.ofDays(7));

    public OutboxSettings {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("outbox maxAttempts must be at least 1, got " + maxAttempts);
        }
        if (senderThreads < 1) {
            throw new IllegalArgumentException("outbox senderThreads must be at least 1, got " + senderThreads);
        }
        requireNotNegative("channelInterval", channelInterval);
        requirePositive("backoffBase", backoffBase);
        requirePositive("backoffCap", backoffCap);
        requirePositive("lease", lease);
        requirePositive("idlePoll", idlePoll);
        requirePositive("retention", retention);
        if (backoffCap.compareTo(backoffBase) < 0) {
            throw new IllegalArgumentException("outbox backoffCap " + backoffCap + " is below backoffBase " + backoffBase);
        }
    }

    public OutboxSettings withMaxAttempts(int value) {
        return new OutboxSettings(value, channelInterval, backoffBase, backoffCap, lease, senderThreads, idlePoll,
                retention);
    }

    public OutboxSettings withChannelInterval(Duration value) {
        return new OutboxSettings(maxAttempts, value, backoffBase, backoffCap, lease, senderThreads, idlePoll,
                retention);
    }

    public OutboxSettings withBackoff(Duration base, Duration cap) {
        return new OutboxSettings(maxAttempts, channelInterval, base, cap, lease, senderThreads, idlePoll, retention);
    }

    public OutboxSettings withLease(Duration value) {
        return new OutboxSettings(maxAttempts, channelInterval, backoffBase, backoffCap, value, senderThreads, idlePoll,
                retention);
    }

    public OutboxSettings withSenderThreads(int value) {
        return new OutboxSettings(maxAttempts, channelInterval, backoffBase, backoffCap, lease, value, idlePoll,
                retention);
    }

    public OutboxSettings withIdlePoll(Duration value) {
        return new OutboxSettings(maxAttempts, channelInterval, backoffBase, backoffCap, lease, senderThreads, value,
                retention);
    }

    private static void requirePositive(String name, Duration value) {
        Objects.requireNonNull(value, name);
        if (value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException("outbox " + name + " must be positive, got " + value);
        }
    }

    private static void requireNotNegative(String name, Duration value) {
        Objects.requireNonNull(value, name);
        if (value.isNegative()) {
            throw new IllegalArgumentException("outbox " + name + " must not be negative, got " + value);
        }
    }
}
