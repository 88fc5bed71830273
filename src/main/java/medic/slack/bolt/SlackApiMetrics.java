package medic.slack.bolt;

import com.slack.api.util.http.listener.HttpResponseListener;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/** Counts every Slack Web API call medic makes into {@code medic_slack_api_calls_total{method,status}}. */
final class SlackApiMetrics extends HttpResponseListener {
    static final String METER = "medic.slack.api.calls";

    private final MeterRegistry registry;

    SlackApiMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    @Override
    public void accept(State state) {
        String path = state.getResponse().request().url().encodedPath();
        String method = path.substring(path.lastIndexOf('/') + 1);
        Counter.builder(METER)
                .description("Slack Web API calls by method and HTTP status")
                .tag("method", method.matches("[a-zA-Z.]{1,60}") ? method : "other")
                .tag("status", String.valueOf(state.getResponse().code()))
                .register(registry)
                .increment();
    }
}
