package medic.slack.bolt;

import com.slack.api.Slack;
import com.slack.api.methods.response.auth.AuthTestResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Whether Slack still accepts medic's bot token, for {@code /readyz}: auth.test at most once per interval, the
 * last answer served in between, so probes every few seconds do not spend Slack's rate limit.
 */
public final class SlackHealth {
    private final SlackSettings settings;
    private final Slack slack;
    private final Clock clock;
    private final Duration interval;
    private Instant checkedAt = Instant.MIN;
    private Optional<String> lastProblem = Optional.empty();

    public SlackHealth(SlackSettings settings, Slack slack, Clock clock, Duration interval) {
        this.settings = settings;
        this.slack = slack;
        this.clock = clock;
        this.interval = interval;
    }

    /** Empty when the last auth.test (at most {@code interval} old) succeeded, else why not. */
    public synchronized Optional<String> problem() {
        Instant now = clock.instant();
        if (checkedAt.plus(interval).isAfter(now)) {
            return lastProblem;
        }
        checkedAt = now;
        try {
            AuthTestResponse auth = slack.methods(settings.botToken()).authTest(request -> request);
            lastProblem = auth.isOk() ? Optional.empty() : Optional.of("auth.test answered " + auth.getError());
        } catch (Exception e) {
            lastProblem = Optional.of("auth.test failed: " + e.getMessage());
        }
        return lastProblem;
    }
}
