package medic.nginx.diagnosis.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import medic.nginx.config.Directive;
import medic.nginx.diagnosis.Analysis;
import medic.nginx.diagnosis.Change;
import medic.nginx.diagnosis.Finding;
import medic.nginx.diagnosis.Findings;
import medic.nginx.diagnosis.LogEvent;
import medic.nginx.diagnosis.Rule;
import medic.nginx.diagnosis.Severity;
import medic.nginx.log.FailureClass;
import medic.nginx.model.Effective;
import medic.nginx.model.NginxConfig;
import medic.nginx.model.Scope;
import medic.nginx.model.ScopeKind;

/**
 * CP01: every proxied WebSocket holds two connections of one worker (client and upstream) for its whole life,
 * so worker_connections x worker_processes must exceed twice the expected tunnels, or nginx logs "N
 * worker_connections are not enough" and drops new ones. Fires on declared expected tunnels or on such log
 * lines, unless the log's N is below the configured value (the log predates the raise).
 */
public final class WorkerConnectionsTooFew implements Rule {
    private static final Pattern LOGGED = Pattern.compile("(\\d+) worker_connections are not enough");
    /** Head room over twice the tunnels: plain requests and pooled upstream connections share the budget. */
    private static final double HEADROOM = 1.25;
    private static final int STEP = 1024;

    @Override
    public String id() {
        return "CP01";
    }

    @Override
    public String title() {
        return "worker_connections too low for the expected WebSocket tunnels";
    }

    @Override
    public List<Finding> check(Analysis analysis) {
        NginxConfig config = analysis.config();
        Effective connections = config.global("worker_connections");
        Effective processes = config.global("worker_processes");
        Scope events = config.main().children(ScopeKind.EVENTS).stream().findFirst().orElse(null);
        Integer perWorker = number(connections.firstArg());
        if (events == null || perWorker == null) {
            return List.of();
        }
        boolean auto = "auto".equals(processes.firstArg());
        Integer parsedWorkers = auto ? Integer.valueOf(1) : number(processes.firstArg());
        int workers = parsedWorkers == null || parsedWorkers < 1 ? 1 : parsedWorkers;
        long capacity = (long) perWorker * workers;
        Integer tunnels = analysis.facts().expectedTunnels();
        boolean shortForTunnels = tunnels != null && capacity < 2L * tunnels;
        long loggedLimit = 0;
        List<String> samples = new ArrayList<>();
        for (LogEvent event : analysis.log().events()) {
            if (event.failure() != FailureClass.WORKER_CONNECTIONS || event.sample() == null) {
                continue;
            }
            Matcher m = LOGGED.matcher(event.sample());
            long logged = m.find() ? Long.parseLong(m.group(1)) : perWorker;
            if (logged >= perWorker) {
                loggedLimit = Math.max(loggedLimit, logged);
                samples.add(event.sample());
            }
        }
        if (!shortForTunnels && samples.isEmpty()) {
            return List.of();
        }
        long target = shortForTunnels ? roundUp(Math.ceil(2.0 * tunnels * HEADROOM / workers)) : 0;
        target = Math.max(target, roundUp(2 * Math.max(loggedLimit, perWorker)));
        Directive at = connections.isDefault() ? events.block() : connections.source();
        Findings.Builder finding = new Findings(this, config).at(at, Severity.MEDIUM)
                .message(message(connections, perWorker, workers, auto, capacity, tunnels))
                .value(connections)
                .evidence("worker_processes " + processes.value() + (processes.isDefault() ? " (default)" : "")
                        + (auto ? ": one per CPU core, unknown offline, counted as 1 (connections do not spread"
                                + " evenly across workers either)" : ""))
                .confirmedBy(samples.stream().distinct().limit(3).toList())
                .fix("worker_connections " + target + " in events, and worker_rlimit_nofile " + 2 * target
                        + " so each worker may open that many sockets")
                .change(new Change.SetDirective(events, "worker_connections", List.of(String.valueOf(target))));
        Integer nofile = number(config.global("worker_rlimit_nofile").firstArg());
        if (nofile == null || nofile < 2 * target) {
            finding.change(new Change.SetDirective(config.main(), "worker_rlimit_nofile",
                    List.of(String.valueOf(2 * target))));
        }
        return List.of(finding.build());
    }

    private static String message(Effective connections, int perWorker, int workers, boolean auto, long capacity,
                                  Integer tunnels) {
        String budget = "worker_connections " + perWorker + (connections.isDefault() ? " (default)" : "") + " x "
                + workers + (auto ? " (auto, counted as 1)" : "") + " worker(s) = " + capacity + " connections";
        if (tunnels == null) {
            return budget + ", and the error log shows workers running out: new clients and upstream connections"
                    + " are refused while every slot is taken.";
        }
        return budget + ", but " + tunnels + " expected WebSocket tunnels need " + 2L * tunnels + " (each holds a"
                + " client and an upstream connection): beyond that nginx refuses new connections.";
    }

    private static long roundUp(double connections) {
        return (long) Math.ceil(connections / STEP) * STEP;
    }

    private static Integer number(String text) {
        try {
            return text == null ? null : Integer.valueOf(text);
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
