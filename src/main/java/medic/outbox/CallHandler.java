package medic.outbox;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import medic.slack.api.PostedMessage;
import medic.slack.api.SlackCallException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends one claimed call and records the outcome: sent; retried after Slack's Retry-After (429) or after a backoff
 * (5xx, network); dead-lettered when retrying cannot help or the attempts are used up, with one WARN line.
 */
final class CallHandler {

    private static final Logger LOG = LoggerFactory.getLogger(CallHandler.class);

    private final CallSender sender;
    private final CallOutcomes outcomes;
    private final Backoff backoff;
    private final OutboxMetrics metrics;
    private final Clock clock;
    private final int maxAttempts;

    CallHandler(CallSender sender, CallOutcomes outcomes, Backoff backoff, OutboxMetrics metrics, Clock clock,
            int maxAttempts) {
        this.sender = sender;
        this.outcomes = outcomes;
        this.backoff = backoff;
        this.metrics = metrics;
        this.clock = clock;
        this.maxAttempts = maxAttempts;
    }

    void handle(OutboxCall call) {
        long started = System.nanoTime();
        PostedMessage posted;
        try {
            posted = sender.send(call);
        } catch (SlackCallException e) {
            failed(call, e, Duration.ofNanos(System.nanoTime() - started));
            return;
        } catch (RuntimeException e) {
            // Not Slack's answer (the database, a stored payload): retry like a transient failure, then give up.
            failed(call, new SlackCallException(call.kind().method(), String.valueOf(e.getMessage()),
                    SlackCallException.Retry.BACKOFF, null, e), Duration.ofNanos(System.nanoTime() - started));
            return;
        }
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        Instant now = clock.instant();
        // Slack has the call now; until this commits, a crash means it is sent again (at least once).
        if (outcomes.sent(call, posted, now)) {
            metrics.sent(call.kind(), took, Duration.between(call.createdAt(), now));
        } else {
            LOG.warn("{} was sent, but its lease had run out and another worker may have sent it too; raise the"
                    + " outbox lease above the Slack call timeout", call.describe());
        }
    }

    private void failed(OutboxCall call, SlackCallException failure, Duration took) {
        Instant now = clock.instant();
        switch (failure.retry()) {
            case AFTER -> {
                Instant at = now.plus(failure.retryAfter());
                if (call.channel() != null) {
                    outcomes.holdChannel(call.channel(), at);
                }
                if (outcomes.retryLater(call, now, at, failure.error(), false)) {
                    metrics.retried(call.kind(), took);
                }
            }
            case BACKOFF -> {
                if (call.attempts() >= maxAttempts) {
                    deadLetter(call, failure, took, now);
                } else if (outcomes.retryLater(call, now, now.plus(backoff.after(call.attempts())), failure.error(),
                        true)) {
                    metrics.retried(call.kind(), took);
                }
            }
            case NEVER -> deadLetter(call, failure, took, now);
        }
    }

    private void deadLetter(OutboxCall call, SlackCallException failure, Duration took, Instant now) {
        int dead = outcomes.deadLetter(call, failure.error(), now);
        if (dead == 0) {
            return;
        }
        metrics.deadLettered(call.kind(), took, dead);
        LOG.warn("dead-lettered {} after {} attempt(s): {}{}", call.describe(), call.attempts(), failure.error(),
                dead > 1 ? "; its thread's " + (dead - 1) + " waiting call(s) were dead-lettered with it" : "");
    }
}
