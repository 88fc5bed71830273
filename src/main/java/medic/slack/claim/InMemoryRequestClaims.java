package medic.slack.claim;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/** Claims remembered by one process for a fixed time to live; expired ones are forgotten as new ones come. */
public final class InMemoryRequestClaims implements RequestClaims {

    private final Duration ttl;
    private final Clock clock;
    /** Insertion order is expiry order: every claim lives for the same {@link #ttl}. */
    private final Map<String, Instant> expiries = new LinkedHashMap<>();

    public InMemoryRequestClaims(Duration ttl, Clock clock) {
        if (ttl.isNegative() || ttl.isZero()) {
            throw new IllegalArgumentException("a claim's time to live must be positive, got " + ttl);
        }
        this.ttl = ttl;
        this.clock = clock;
    }

    @Override
    public synchronized boolean claim(String requestKey) {
        Instant now = clock.instant();
        Iterator<Instant> soonestFirst = expiries.values().iterator();
        while (soonestFirst.hasNext() && !soonestFirst.next().isAfter(now)) {
            soonestFirst.remove();
        }
        return expiries.putIfAbsent(requestKey, now.plus(ttl)) == null;
    }

    /** Live claims, for tests and metrics. */
    public synchronized int size() {
        return expiries.size();
    }
}
