package medic.nginx.diagnosis.rules;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import medic.nginx.config.Directive;
import medic.nginx.diagnosis.Analysis;
import medic.nginx.diagnosis.Finding;
import medic.nginx.diagnosis.Findings;
import medic.nginx.diagnosis.Rule;
import medic.nginx.diagnosis.Severity;
import medic.nginx.model.Location;
import medic.nginx.model.NginxConfig;
import medic.nginx.model.Scope;
import medic.nginx.model.ScopeKind;

/**
 * LG01: the logs cannot show the failure. nginx logs an idle tunnel closed by proxy_read_timeout and a client
 * resetting a tunnel at {@code info}, below the default {@code error} level; the predefined {@code combined}
 * access log has no {@code $upstream_status}/{@code $upstream_addr}, so a GET saved by a retry ("502, 200")
 * or the server that failed stays invisible. Advice only: log levels and formats feed other tools and
 * volumes, so medic does not change them itself.
 */
public final class LogsHideUpstreamTrouble implements Rule {
    private static final Set<String> SHOWS_INFO = Set.of("info", "debug");
    private static final List<String> UPSTREAM_VARIABLES = List.of("$upstream_status", "$upstream_addr");

    @Override
    public String id() {
        return "LG01";
    }

    @Override
    public String title() {
        return "Logs hide tunnel timeouts or upstream retries";
    }

    @Override
    public List<Finding> check(Analysis analysis) {
        List<Finding> out = new ArrayList<>();
        out.addAll(errorLogLevel(analysis));
        out.addAll(accessLogFormat(analysis));
        return out;
    }

    private List<Finding> errorLogLevel(Analysis analysis) {
        NginxConfig config = analysis.config();
        Map<Object, List<Location>> hidden = new LinkedHashMap<>();
        Map<Object, List<Directive>> logs = new LinkedHashMap<>();
        for (Location location : analysis.webSocketLocations()) {
            List<Directive> inForce = inForce(location.scope(), "error_log", ScopeKind.MAIN);
            if (inForce.stream().noneMatch(d -> SHOWS_INFO.contains(d.argCount() > 1 ? d.arg(1) : "error"))) {
                Object key = inForce.isEmpty() ? "default" : inForce.get(0);
                hidden.computeIfAbsent(key, k -> new ArrayList<>()).add(location);
                logs.put(key, inForce);
            }
        }
        Findings findings = new Findings(this, config);
        List<Finding> out = new ArrayList<>();
        hidden.forEach((key, locations) -> {
            List<Directive> inForce = logs.get(key);
            String level = inForce.isEmpty() ? "error (default)" : String.join(", ", inForce.stream()
                    .map(d -> d.argCount() > 1 ? d.arg(1) : "error (default level)").toList());
            Directive at = inForce.isEmpty() ? locations.get(0).block() : inForce.get(0);
            out.add(findings.at(at, Severity.LOW)
                    .message("The error log of " + String.join(", ", locations.stream().map(Location::label).toList())
                            + " is at level " + level + ": nginx logs a WebSocket closed by proxy_read_timeout and a"
                            + " client resetting a tunnel only at info, so dropped tunnels leave no trace.")
                    .value("error_log level " + level, "error_log logs/error.log error")
                    .fix("error_log <file> info; in the server or location of the WebSocket endpoints (info there"
                            + " adds a line per closed tunnel, not per request)")
                    .build());
        });
        return out;
    }

    private List<Finding> accessLogFormat(Analysis analysis) {
        NginxConfig config = analysis.config();
        Map<Object, List<Location>> blind = new LinkedHashMap<>();
        Map<Object, List<String>> missingByKey = new LinkedHashMap<>();
        for (Location location : config.locations()) {
            if (config.proxyPass(location).isEmpty()) {
                continue;
            }
            List<Directive> inForce = inForce(location.scope(), "access_log", ScopeKind.HTTP);
            List<Directive> active = notOff(inForce);
            if (!inForce.isEmpty() && active.isEmpty()) {
                continue;
            }
            List<String> missing = active.isEmpty() ? UPSTREAM_VARIABLES : null;
            for (Directive log : active) {
                List<String> lacks = missingIn(config, log.argCount() > 1 ? log.arg(1) : "combined");
                if (missing == null || lacks.size() < missing.size()) {
                    missing = lacks;
                }
            }
            if (!missing.isEmpty()) {
                Object key = inForce.isEmpty() ? "default" : inForce.get(0);
                blind.computeIfAbsent(key, k -> new ArrayList<>()).add(location);
                missingByKey.put(key, missing);
            }
        }
        Findings findings = new Findings(this, config);
        List<Finding> out = new ArrayList<>();
        blind.forEach((key, locations) -> {
            Directive at = key instanceof Directive d ? d : config.http().block();
            String format = key instanceof Directive d ? (d.argCount() > 1 ? d.arg(1) : "combined") : "combined";
            out.add(findings.at(at, Severity.LOW)
                    .message("The access log of " + locations.size() + " proxying location(s) uses format " + format
                            + ", which lacks " + String.join(" and ", missingByKey.get(key)) + ": a request nginx"
                            + " retried after a reset (upstream status \"502, 200\") and the server that failed cannot"
                            + " be told from a clean one.")
                    .value("access_log format " + format + (key instanceof Directive ? "" : " (default)"),
                            "access_log logs/access.log combined")
                    .evidence(locations.stream().map(l -> l.label() + " (" + config.where(l.block()) + ")").toList())
                    .fix("a log_format with $upstream_addr $upstream_status $upstream_response_time $request_time,"
                            + " used by the access_log of these locations")
                    .build());
        });
        return out;
    }

    /** The access_log lines that log (not {@code off}); the same list when all of them do, as most do. */
    private static List<Directive> notOff(List<Directive> lines) {
        List<Directive> active = null;
        for (int i = 0; i < lines.size(); i++) {
            boolean off = "off".equals(lines.get(i).arg(0));
            if (off && active == null) {
                active = new ArrayList<>(lines.subList(0, i));
            } else if (!off && active != null) {
                active.add(lines.get(i));
            }
        }
        return active == null ? lines : active;
    }

    /** The directives of the nearest level, up to {@code top}, that has any (error_log and access_log stack). */
    private static List<Directive> inForce(Scope from, String name, ScopeKind top) {
        for (Scope s = from; s != null; s = s.parent()) {
            List<Directive> here = s.all(name);
            if (!here.isEmpty() || s.kind() == top) {
                return here;
            }
        }
        return List.of();
    }

    private static List<String> missingIn(NginxConfig config, String format) {
        String text = "";
        for (Directive d : config.http().all("log_format")) {
            if (d.argCount() > 1 && d.arg(0).equals(format)) {
                text = String.join(" ", d.args().subList(1, d.argCount()));
            }
        }
        String body = text;
        return UPSTREAM_VARIABLES.stream()
                .filter(v -> !body.contains(v) && !body.contains("${" + v.substring(1) + "}")).toList();
    }
}
