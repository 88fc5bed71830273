package medic.nginx.diagnosis.rules;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
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
            if (webSocket && anyWebSocketHeader(relevant)) {
                dropping.samples().addAll(analysis.log().samples(location, 3, FailureClass.RESET_READING_HEADER,
                        FailureClass.PREMATURELY_CLOSED));
            }
        }
        Findings findings = new Findings(this, config);
        // Levels of a large config mostly drop the same outer lines: their description is made once per set.
        Map<List<Directive>, Lost> described = new HashMap<>();
        List<Finding> out = new ArrayList<>(byLevel.size());
        for (Dropping dropping : byLevel.values()) {
            Lost lost = described.computeIfAbsent(List.copyOf(dropping.lines().values()),
                    lines -> Lost.of(config, lines, dropping.lines().keySet()));
            out.add(finding(findings, config, dropping, lost));
        }
        return out;
    }

    /** How a set of dropped lines reads in a finding: with where each stood, their names, and what that breaks. */
    private record Lost(String lines, String names, String consequences) {
        static Lost of(NginxConfig config, List<Directive> dropped, Set<String> keys) {
            StringBuilder lost = new StringBuilder();
            StringBuilder names = new StringBuilder();
            for (Directive d : dropped) {
                String separator = lost.length() == 0 ? "" : ", ";
                lost.append(separator).append(d.argsText()).append(" (").append(config.where(d)).append(')');
                names.append(separator).append(d.arg(0));
            }
            return new Lost(lost.toString(), names.toString(), InheritedHeadersDropped.consequences(keys));
        }
    }

    private static boolean anyWebSocketHeader(List<Directive> lines) {
        for (Directive d : lines) {
            if (d.arg(0).equalsIgnoreCase("upgrade") || d.arg(0).equalsIgnoreCase("connection")) {
                return true;
            }
        }
        return false;
    }

    /**
     * Host and X-Forwarded-For matter everywhere; Upgrade and Connection only on WebSocket locations, and a dropped
     * {@code Connection ""} or {@code close} would not let a handshake through anyway (WS01 covers that case).
     */
    private static boolean relevant(Directive dropped, boolean webSocket) {
        String name = dropped.arg(0);
        if (name.equalsIgnoreCase("connection")) {
            String value = dropped.argCount() < 2 ? "" : dropped.arg(1).toLowerCase(Locale.ROOT);
            return webSocket && (value.startsWith("$") || value.contains("upgrade"));
        }
        return name.equalsIgnoreCase("host") || name.equalsIgnoreCase("x-forwarded-for")
                || webSocket && name.equalsIgnoreCase("upgrade");
    }

    private static Finding finding(Findings findings, NginxConfig config, Dropping dropping, Lost lost) {
        Directive first = dropping.level().all("proxy_set_header").get(0);
        String names = lost.names();
        // A plain loop: this runs once per dropping level, which a large config has thousands of.
        StringBuilder affected = new StringBuilder();
        for (Location location : dropping.locations()) {
            affected.append(affected.length() == 0 ? "" : ", ").append(location.label());
        }
        List<String> samples = dropping.samples().isEmpty() ? List.of()
                : dropping.samples().stream().distinct().limit(3).toList();
        String firstAt = config.where(first);
        Findings.Builder builder = findings.at(first, Severity.HIGH)
                .message(describe(dropping.level()) + " sets its own proxy_set_header, and nginx then ignores every"
                        + " proxy_set_header of the enclosing level, so " + names + " no longer reach the backend"
                        + " from " + affected + lost.consequences() + ".")
                .value("proxy_set_header " + names + " (dropped at " + firstAt + ")",
                        "inherited only when a level sets no proxy_set_header of its own")
                .evidence("dropped: " + lost.lines())
                .confirmedBy(samples)
                .fix("repeat " + names + " next to the local proxy_set_header lines at " + firstAt);
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
