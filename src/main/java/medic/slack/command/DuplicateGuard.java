package medic.slack.command;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Lets each request through once. Slack's retries and replays of a signed request carry the same request id
 * (a click's action_ts, a command's trigger_id), remembered for as long as Bolt accepts a signature; a double
 * click is a new request with the same user, button and value, remembered for a shorter window. This only
 * spares the operations duplicate calls: the database's compare-and-set still decides what is applied. Each
 * replica remembers only what it received, so a duplicate delivered to another replica reaches the operations,
 * which answer it from the database ("Already approved by ...", "incident 4 is busy ...").
 */
public final class DuplicateGuard {

    /** Bolt accepts a signed request for 5 minutes; one more covers clock skew. */
    static final Duration REPLAY_WINDOW = Duration.ofMinutes(6);

    private final Duration sameRequestWindow;
    private final Clock clock;
    private final Map<String, Instant> requestIds = new LinkedHashMap<>();
    private final Map<String, Instant> requests = new LinkedHashMap<>();

    /** @param sameRequestWindow how long the same user's same request counts as a repeat (e.g. a minute) */
    public DuplicateGuard(Duration sameRequestWindow, Clock clock) {
        if (sameRequestWindow.isNegative()) {
            throw new IllegalArgumentException("duplicate window must not be negative, got " + sameRequestWindow);
        }
        this.sameRequestWindow = sameRequestWindow;
        this.clock = clock;
    }

    /** How a request was seen before. */
    public enum Sighting {
        /** Not seen: do the work. */
        NEW,
        /** The same request again (a retry or a replay): drop it without a word. */
        RETRY,
        /** A new request repeating one seen within the window (a double click): drop it, maybe say so. */
        REPEAT
    }

    /** {@link #see} is {@link Sighting#NEW}. */
    public boolean firstTime(String requestId, String request) {
        return see(requestId, request) == Sighting.NEW;
    }

    /**
     * Whether {@code requestId} or {@code request} (user + what + value) was seen within its window. Both are
     * remembered, and the window of {@code request} starts at its first sighting, so a burst of double clicks
     * stays one.
     */
    public synchronized Sighting see(String requestId, String request) {
        Instant now = clock.instant();
        forgetBefore(requestIds, now.minus(REPLAY_WINDOW));
        forgetBefore(requests, now.minus(sameRequestWindow));
        if (requestIds.putIfAbsent(requestId, now) != null) {
            return Sighting.RETRY;
        }
        return requests.putIfAbsent(request, now) == null ? Sighting.NEW : Sighting.REPEAT;
    }

    public Duration sameRequestWindow() {
        return sameRequestWindow;
    }

    private static void forgetBefore(Map<String, Instant> seen, Instant cutoff) {
        Iterator<Instant> oldestFirst = seen.values().iterator();
        while (oldestFirst.hasNext() && !oldestFirst.next().isAfter(cutoff)) {
            oldestFirst.remove();
        }
    }
}
