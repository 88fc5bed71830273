package medic.outbox;

import java.time.Duration;
import java.util.random.RandomGenerator;

/**
 * Exponential backoff with jitter: the n-th failure waits a random time between half and all of
 * {@code base * 2^(n-1)}, capped, so workers that failed together do not retry together.
 */
final class Backoff {

    private final Duration base;
    private final Duration cap;
    private final RandomGenerator random;

    Backoff(Duration base, Duration cap, RandomGenerator random) {
        this.base = base;
        this.cap = cap;
        this.random = random;
    }

    Duration after(int failures) {
        int doublings = Math.min(Math.max(failures, 1) - 1, 30);
        long ceiling = Math.min(cap.toMillis(), base.toMillis() << doublings);
        long half = ceiling / 2;
        return Duration.ofMillis(half + random.nextLong(ceiling - half + 1));
    }
}
