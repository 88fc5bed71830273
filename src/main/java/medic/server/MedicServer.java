package medic.server;

import io.javalin.Javalin;
import io.javalin.http.Context;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import medic.MedicException;
import org.eclipse.jetty.server.handler.GracefulHandler;

/**
 * medic's HTTP server: {@code /healthz}, {@code /readyz} and {@code /metrics}, plus the routes other parts hand in
 * (the Alertmanager webhook, Slack's events). Bodies are capped, every request is timed, and a stop lets requests
 * in flight finish.
 */
public final class MedicServer implements AutoCloseable {
    private static final String PROMETHEUS_TEXT = "text/plain; version=0.0.4; charset=utf-8";

    private final Javalin javalin;
    private final Map<String, ReadinessCheck> checks;
    private volatile boolean stopping;
    private volatile int port;

    private MedicServer(Javalin javalin, Map<String, ReadinessCheck> checks) {
        this.javalin = javalin;
        this.checks = checks;
    }

    /**
     * Starts listening.
     *
     * @param checks what {@code /readyz} asks, in order, by name
     * @throws MedicException naming the address when the port is taken
     */
    public static MedicServer start(HttpSettings http, PrometheusMeterRegistry registry,
            Map<String, ReadinessCheck> checks, List<Route> routes) {
        MedicServer[] server = new MedicServer[1];
        Javalin javalin = Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            config.startup.showOldJavalinVersionWarning = false;
            config.http.maxRequestSize = http.maxBodyBytes();
            config.jetty.host = http.bind();
            config.jetty.port = http.port();
            config.jetty.modifyServer(jetty -> {
                jetty.insertHandler(new GracefulHandler());
                jetty.setStopTimeout(http.shutdownTimeout().toMillis());
            });
            config.requestLogger.http(new RequestMetrics(registry));
            config.routes.before(ctx -> rejectOversized(ctx, http.maxBodyBytes()));
            config.routes.get("/healthz", ctx -> ctx.json(Map.of("status", "alive")));
            config.routes.get("/readyz", ctx -> server[0].ready(ctx));
            config.routes.get("/metrics", ctx -> ctx.contentType(PROMETHEUS_TEXT).result(registry.scrape()));
            for (Route route : routes) {
                config.routes.addHttpHandler(route.method(), route.path(), route.handler());
            }
        });
        server[0] = new MedicServer(javalin, new LinkedHashMap<>(checks));
        try {
            javalin.start();
            server[0].port = javalin.port();
        } catch (RuntimeException e) {
            throw new MedicException("cannot listen on " + http.bind() + ":" + http.port() + " (server.bind,"
                    + " server.port): " + rootMessage(e) + "; free the port or set MEDIC_PORT", e);
        }
        return server[0];
    }

    /** The port listened on (the one picked, when the settings said 0). */
    public int port() {
        return port;
    }

    private static void rejectOversized(Context ctx, long maxBytes) {
        if (ctx.contentLength() > maxBytes) {
            ctx.skipRemainingHandlers();
            ctx.status(413).json(Map.of("error", "request body larger than " + maxBytes + " bytes"));
        }
    }

    private void ready(Context ctx) {
        Map<String, String> results = new LinkedHashMap<>();
        String reason = stopping ? "medic is stopping" : null;
        for (Map.Entry<String, ReadinessCheck> check : checks.entrySet()) {
            Optional<String> problem = safely(check.getValue());
            results.put(check.getKey(), problem.orElse("ok"));
            if (reason == null && problem.isPresent()) {
                reason = check.getKey() + ": " + problem.get();
            }
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", reason == null ? "ready" : "not ready");
        if (reason != null) {
            body.put("reason", reason);
        }
        body.put("checks", results);
        ctx.status(reason == null ? 200 : 503).json(body);
    }

    private static Optional<String> safely(ReadinessCheck check) {
        try {
            return check.problem();
        } catch (RuntimeException e) {
            return Optional.of(String.valueOf(e.getMessage()));
        }
    }

    /** Reports not ready at once, then stops accepting and waits (up to the shutdown timeout) for requests in flight. */
    @Override
    public void close() {
        stopping = true;
        javalin.stop();
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return root.getMessage() == null ? root.toString() : root.getMessage();
    }
}
