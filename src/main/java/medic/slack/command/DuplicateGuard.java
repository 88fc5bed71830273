package medic.slack.command;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import medic.MedicException;
import medic.slack.claim.InMemoryRequestClaims;
import medic.slack.claim.RequestClaims;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Lets each request through once. Slack's retries and replays of a signed request carry the same request id
 * (a click's action_ts, a command's trigger_id, see {@link medic.slack.claim.RequestKeys}): this replica remembers
 * them for as long as Bolt accepts a signature, then claims each new one in the shared {@link RequestClaims}, so a
 * delivery another replica took on is dropped here too. A double click is a new request with the same user, button
 * and value, remembered by this replica for a shorter window; one landing on another replica reaches the operations,
 * whose compare-and-set in the database still decides what is applied ("Already approved by ...").
 */
public final class DuplicateGuard {

    private static final Logger log = LoggerFactory.getLogger(DuplicateGuard.class);

    /** Bolt accepts a signed request for 5 minutes; one more covers clock skew. */
    static final Duration REPLAY_WINDOW = Duration.ofMinutes(6);

    private final Duration sameRequestWindow;
    private final Clock clock;
    private final RequestClaims seenHere;
    private final RequestClaims shared;
    private final Map<String, Instant> requests = new LinkedHashMap<>();

    /** A guard for a medic running alone. */
    public DuplicateGuard(Duration sameRequestWindow, Clock clock) {
        this(sameRequestWindow, clock, RequestClaims.SINGLE_REPLICA);
    }

    /**
     * @param sameRequestWindow how long the same user's same request counts as a repeat (e.g. a minute)
     * @param shared            the claims every replica shares, asked once this replica has not seen a request id
     */
    public DuplicateGuard(Duration sameRequestWindow, Clock clock, RequestClaims shared) {
        if (sameRequestWindow.isNegative()) {
            throw new IllegalArgumentException("duplicate window must not be negative, got " + sameRequestWindow);
        }
        this.sameRequestWindow = sameRequestWindow;
        this.clock = clock;
        this.seenHere = new InMemoryRequestClaims(REPLAY_WINDOW, clock);
        this.shared = shared;
    }

    /** How a request was seen before. */
    public enum Sighting {
        /** Not seen: do the work. */
        NEW,
        /** The same request again (a retry or a replay, here or on another replica): drop it without a word. */
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
     * stays one. A request id new here is then claimed among the replicas; if the shared claims cannot be asked,
     * the request goes ahead (the work needs the same database and says what failed).
     */
    public Sighting see(String requestId, String request) {
        Sighting here = seeHere(requestId, request);
        if (here != Sighting.NEW) {
            return here;
        }
        try {
            if (!shared.claim(requestId)) {
                log.info("dropped {}: another replica took this request on", requestId);
                return Sighting.RETRY;
            }
        } catch (MedicException e) {
            log.warn("could not claim {} among the replicas, handling it here: {}", requestId, e.getMessage());
        }
        return Sighting.NEW;
    }

    public Duration sameRequestWindow() {
        return sameRequestWindow;
    }

    private synchronized Sighting seeHere(String requestId, String request) {
        Instant now = clock.instant();
        Iterator<Instant> oldestFirst = requests.values().iterator();
        while (oldestFirst.hasNext() && !oldestFirst.next().isAfter(now.minus(sameRequestWindow))) {
            oldestFirst.remove();
        }
        if (!seenHere.claim(requestId)) {
            return Sighting.RETRY;
        }
        return requests.putIfAbsent(request, now) == null ? Sighting.NEW : Sighting.REPEAT;
    }
}
