package medic.nginx.diagnosis.rules;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import medic.nginx.config.Directive;
import medic.nginx.diagnosis.Analysis;
import medic.nginx.diagnosis.Change;
import medic.nginx.diagnosis.Finding;
import medic.nginx.diagnosis.Findings;
import medic.nginx.diagnosis.Rule;
import medic.nginx.diagnosis.Severity;
import medic.nginx.log.FailureClass;
import medic.nginx.model.Effective;
import medic.nginx.model.Location;
import medic.nginx.model.NginxConfig;

/**
 * RT02: {@code proxy_next_upstream} without {@code error} (or set to {@code off}) stops nginx from retrying a
 * failed attempt, even the free retry after a dead reused keepalive connection; without {@code timeout}, timed
 * out attempts are not passed on. One finding per directive, fixed where it is written.
 */
public final class RetriesDisabled implements Rule {
    private static final FailureClass[] RETRYABLE = {FailureClass.RESET_READING_HEADER,
        FailureClass.RESET_SENDING_REQUEST, FailureClass.PREMATURELY_CLOSED, FailureClass.CONNECT_REFUSED,
        FailureClass.CONNECT_FAILED, FailureClass.TIMED_OUT};

    @Override
    public String id() {
        return "RT02";
    }

    @Override
    public String title() {
        return "proxy_next_upstream does not retry errors or timeouts";
    }

    @Override
    public List<Finding> check(Analysis analysis) {
        NginxConfig config = analysis.config();
        Map<Directive, List<Location>> bySource = new IdentityHashMap<>();
        for (Location location : config.locations()) {
            Effective next = config.effective(location, "proxy_next_upstream");
            if (config.proxyPass(location).isPresent() && !next.isDefault() && !retries(next.source().args())) {
                bySource.computeIfAbsent(next.source(), d -> new ArrayList<>()).add(location);
            }
        }
        Findings findings = new Findings(this, config);
        List<Finding> out = new ArrayList<>();
        for (Map.Entry<Directive, List<Location>> entry : bySource.entrySet()) {
            Directive directive = entry.getKey();
            List<Location> locations = entry.getValue();
            List<String> samples = locations.stream()
                    .flatMap(l -> analysis.log().samples(l, 3, RETRYABLE).stream()).distinct().limit(3).toList();
            out.add(findings.at(directive, Severity.MEDIUM)
                    .message(consequence(directive.args()) + " (default: error timeout). It applies to "
                            + String.join(", ", locations.stream().map(Location::label).toList()) + ".")
                    .value(config.effective(locations.get(0), "proxy_next_upstream"))
                    .confirmedBy(samples)
                    .fix("proxy_next_upstream " + String.join(" ", restored(directive.args())))
                    .change(new Change.SetDirective(Scopes.writing(locations.get(0), directive), "proxy_next_upstream",
                            restored(directive.args())))
                    .build());
        }
        out.sort((a, b) -> a.where().compareTo(b.where()));
        return out;
    }

    static boolean retries(List<String> args) {
        return args.contains("error") && args.contains("timeout") && !args.contains("off");
    }

    /** error and timeout first, then the conditions the operator added, without {@code off}. */
    static List<String> restored(List<String> args) {
        Map<String, Boolean> kept = new LinkedHashMap<>();
        kept.put("error", true);
        kept.put("timeout", true);
        args.stream().filter(a -> !a.equals("off")).forEach(a -> kept.put(a, true));
        return List.copyOf(kept.keySet());
    }

    private static String consequence(List<String> args) {
        if (args.contains("off")) {
            return "proxy_next_upstream off: nginx never retries a failed attempt, not even when a reused keepalive"
                    + " connection was already closed by the backend, so the client gets the 502/504";
        }
        if (!args.contains("error")) {
            return "proxy_next_upstream " + String.join(" ", args) + " lacks error: a refused connection or a reset"
                    + " before the response (also on a dead reused keepalive connection) goes to the client as 502"
                    + " instead of being retried";
        }
        return "proxy_next_upstream " + String.join(" ", args) + " lacks timeout: an attempt that times out is not"
                + " passed to the next server";
    }
}
