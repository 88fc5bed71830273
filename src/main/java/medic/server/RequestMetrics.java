package medic.server;

import io.javalin.http.Context;
import io.javalin.http.RequestLogger;
import io.javalin.router.Endpoint;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.concurrent.TimeUnit;

/**
 * Times every HTTP request into {@code medic_http_requests_seconds{method,route,status}}; the route is the matched
 * path template ({@code /hooks/alertmanager}), never the raw path, so unknown URLs cannot grow the label set.
 */
final class RequestMetrics implements RequestLogger {
    static final String METER = "medic.http.requests";
    private static final String UNMATCHED = "unmatched";

    private final MeterRegistry registry;

    RequestMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    @Override
    public void handle(Context ctx, Float executionMillis) {
        Timer.builder(METER)
                .description("HTTP requests medic served")
                .tag("method", ctx.method().name())
                .tag("route", route(ctx))
                .tag("status", String.valueOf(ctx.statusCode()))
                .register(registry)
                .record((long) (executionMillis * 1_000_000L), TimeUnit.NANOSECONDS);
    }

    private static String route(Context ctx) {
        try {
            Endpoint endpoint = ctx.endpoints().matchedHttpEndpoint();
            return endpoint == null ? UNMATCHED : endpoint.path;
        } catch (RuntimeException e) {
            return UNMATCHED;
        }
    }
}
