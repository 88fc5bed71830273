package medic.nginx.diagnosis.rules;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import medic.nginx.config.Directive;
import medic.nginx.diagnosis.Analysis;
import medic.nginx.diagnosis.Change;
import medic.nginx.diagnosis.Finding;
import medic.nginx.diagnosis.Findings;
import medic.nginx.diagnosis.Rule;
import medic.nginx.diagnosis.Severity;
import medic.nginx.log.FailureClass;
import medic.nginx.model.HeaderSet;
import medic.nginx.model.Location;
import medic.nginx.model.NginxConfig;
import medic.nginx.model.Scope;

/**
 * WS04: proxy_set_header is inherited only by levels that set none, so one local line silently discards the
 * Upgrade/Connection (WebSocket locations) or Host/X-Forwarded-For (any proxying location) set further out.
 * One finding per level that does the dropping, since the lines belong back at that level.
 */
public final class InheritedHeadersDropped implements Rule {
    private static final Set<String> ALWAYS = Set.of("host", "x-forwarded-for");
    private static final Set<String> WEBSOCKET = Set.of("upgrade", "connection");

    /** The lines one level drops, and the proxying locations that feel it. */
    private record Dropping(Scope level, Map<String, Directive> lines, Set<Location> locations, List<String> samples) {
    }

    @Override
    public String id() {
        return "WS04";
    }

    @Override
    public String title() {
        return "Local proxy_set_header drops inherited Upgrade/Connection/Host/X-Forwarded-For";
    }

    @Override
    public List<Finding> check(Analysis analysis) {
        NginxConfig config = analysis.config();
        Map<Scope, Dropping> byLevel = new LinkedHashMap<>();
        for (Location location : config.locations()) {
            if (config.proxyPass(location).isEmpty()) {
                continue;
            }
            HeaderSet headers = config.headers(location);
            boolean webSocket = analysis.isWebSocket(location);
            List<Directive> relevant = new ArrayList<>(2);
            for (Directive dropped : headers.droppedWithoutReplacement()) {
                if (relevant(dropped, webSocket)) {
                    relevant.add(dropped);
                }
            }
            if (relevant.isEmpty()) {
                continue;
            }
            Dropping dropping = byLevel.computeIfAbsent(headers.level(),
                    level -> new Dropping(level, new LinkedHashMap<>(), new LinkedHashSet<>(), new ArrayList<>()));
            relevant.forEach(d -> dropping.lines().putIfAbsent(d.arg(0).toLowerCase(Locale.ROOT), d));
            dropping.locations().add(location);
            if (relevant.stream().anyMatch(d -> WEBSOCKET.contains(d.arg(0).toLowerCase(Locale.ROOT)))) {
                dropping.samples().addAll(analysis.log().samples(location, 3, FailureClass.RESET_READING_HEADER,
                        FailureClass.PREMATURELY_CLOSED));
            }
        }
        Findings findings = new Findings(this, config);
        return byLevel.values().stream().map(d -> finding(findings, config, d)).toList();
    }

    /**
     * Host and X-Forwarded-For matter everywhere; Upgrade and Connection only on WebSocket locations, and a dropped
     * {@code Connection ""} or {@code close} would not let a handshake through anyway (WS01 covers that case).
     */
    private static boolean relevant(Directive dropped, boolean webSocket) {
        String name = dropped.arg(0).toLowerCase(Locale.ROOT);
        if (name.equals("connection")) {
            String value = dropped.argCount() < 2 ? "" : dropped.arg(1).toLowerCase(Locale.ROOT);
            return webSocket && (value.startsWith("$") || value.contains("upgrade"));
        }
        return ALWAYS.contains(name) || webSocket && WEBSOCKET.contains(name);
    }

    private static Finding finding(Findings findings, NginxConfig config, Dropping dropping) {
        Directive first = dropping.level().all("proxy_set_header").get(0);
        String lost = dropping.lines().values().stream()
                .map(d -> String.join(" ", d.args()) + " (" + config.where(d) + ")").collect(Collectors.joining(", "));
        String names = dropping.lines().values().stream().map(d -> d.arg(0)).collect(Collectors.joining(", "));
        String affected = dropping.locations().stream().map(Location::label).collect(Collectors.joining(", "));
        Findings.Builder builder = findings.at(first, Severity.HIGH)
                .message(describe(dropping.level()) + " sets its own proxy_set_header, and nginx then ignores every"
                        + " proxy_set_header of the enclosing level, so " + names + " no longer reach the backend"
                        + " from " + affected + consequences(dropping.lines().keySet()) + ".")
                .value("proxy_set_header " + names + " (dropped at " + config.where(first) + ")",
                        "inherited only when a level sets no proxy_set_header of its own")
                .evidence("dropped: " + lost)
                .confirmedBy(dropping.samples().stream().distinct().limit(3).toList())
                .fix("repeat " + names + " next to the local proxy_set_header lines at " + config.where(first));
        for (Directive line : dropping.lines().values()) {
            builder.change(Change.AddDirective.ifAbsent(dropping.level(), "proxy_set_header", line.args(), 1));
        }
        return builder.build();
    }

    private static String consequences(Set<String> lost) {
        List<String> effects = new ArrayList<>();
        if (lost.contains("host")) {
            effects.add("without Host nginx sends the proxy_pass host name");
        }
        if (lost.contains("x-forwarded-for")) {
            effects.add("without X-Forwarded-For the backend sees nginx as the client");
        }
        if (lost.contains("upgrade") || lost.contains("connection")) {
            effects.add("without Upgrade/Connection no WebSocket handshake reaches the backend");
        }
        return " (" + String.join("; ", effects) + ")";
    }

    private static String describe(Scope level) {
        String header = level.block().header();
        return header.endsWith("{") ? header.substring(0, header.length() - 1).strip() : header;
    }
}
