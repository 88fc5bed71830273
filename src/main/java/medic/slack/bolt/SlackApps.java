package medic.slack.bolt;

import com.slack.api.Slack;
import com.slack.api.SlackConfig;
import com.slack.api.app_backend.SlackSignature;
import com.slack.api.bolt.App;
import com.slack.api.bolt.AppConfig;
import com.slack.api.bolt.middleware.Middleware;
import com.slack.api.bolt.middleware.builtin.IgnoringSelfEvents;
import com.slack.api.bolt.middleware.builtin.RequestVerification;
import com.slack.api.bolt.middleware.builtin.SingleTeamAuthorization;
import com.slack.api.methods.SlackApiException;
import com.slack.api.methods.response.auth.AuthTestResponse;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import medic.slack.SlackFeature;

/**
 * The one place medic builds Bolt's {@link App}: Web API calls go to the configured base URL and are counted,
 * Slack's own usage stats are off, the bot token is checked once with auth.test (a bad one stops start-up), and
 * every HTTP request must be signed, fresh and not from the future.
 */
public final class SlackApps {
    private SlackApps() {
    }

    /** The Web API client every part of medic shares (the outbox too), on the configured base URL, with metrics. */
    public static Slack client(SlackSettings settings, MeterRegistry registry) {
        SlackConfig config = new SlackConfig();
        config.setMethodsEndpointUrlPrefix(settings.apiUrl());
        config.setStatsEnabled(false);
        config.getHttpClientResponseHandlers().add(new SlackApiMetrics(registry));
        return Slack.getInstance(config);
    }

    /** Builds the app with its own client; see {@link #build(SlackSettings, Slack, List, Clock)}. */
    public static App build(SlackSettings settings, MeterRegistry registry, List<SlackFeature> features) {
        return build(settings, client(settings, registry), features, Clock.systemUTC());
    }

    /**
     * Checks the bot token with auth.test, then builds and starts the app with every feature installed.
     *
     * @throws SlackStartupException one line naming SLACK_BOT_TOKEN or SLACK_API_URL
     */
    public static App build(SlackSettings settings, Slack slack, List<SlackFeature> features, Clock clock) {
        AuthTestResponse auth = authTest(settings, slack);
        AppConfig config = AppConfig.builder()
                .singleTeamBotToken(settings.botToken())
                .signingSecret(settings.signingSecret())
                .slack(slack)
                .authTestCacheEnabled(true)
                .authTestCacheExpirationMillis(-1)
                .build();
        List<Middleware> middleware = new ArrayList<>();
        if (!settings.socketMode()) {
            middleware.add(new FreshRequestGuard(clock));
            middleware.add(new RequestVerification(new SlackSignature.Verifier(
                    new SlackSignature.Generator(settings.signingSecret()))));
        }
        // The boot-time auth.test answers every later request: no call to Slack per request.
        middleware.add(new SingleTeamAuthorization(config, auth, null));
        middleware.add(new IgnoringSelfEvents(slack.getConfig()));
        App app = new App(config, middleware);
        app.asOAuthApp(false);
        for (SlackFeature feature : features) {
            feature.install(app);
        }
        return app.start();
    }

    static AuthTestResponse authTest(SlackSettings settings, Slack slack) {
        AuthTestResponse auth;
        try {
            auth = slack.methods(settings.botToken()).authTest(request -> request);
        } catch (IOException | SlackApiException e) {
            throw new SlackStartupException("cannot reach Slack's auth.test at " + settings.apiUrl()
                    + " (SLACK_API_URL): " + e.getMessage() + "; check the network or the URL", e);
        }
        if (!auth.isOk()) {
            throw new SlackStartupException("Slack refused SLACK_BOT_TOKEN: auth.test answered " + auth.getError()
                    + "; copy the Bot User OAuth Token (xoxb-...) from the app's OAuth & Permissions page", null);
        }
        return auth;
    }
}
