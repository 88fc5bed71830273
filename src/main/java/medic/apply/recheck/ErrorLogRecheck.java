package medic.apply.recheck;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import medic.apply.ApplyException;
import medic.nginx.log.ErrorLogParser;
import medic.nginx.log.LineResult;
import medic.nginx.redact.Redactor;
import medic.remote.CommandResult;
import medic.remote.RemoteHost;
import medic.remote.ShellQuote;
import medic.schedule.Scheduler;
import medic.schedule.Task;
import medic.schedule.TaskRun;

/**
 * The Quartz task that, N minutes after a change, reads what the error log gained since the apply and reports
 * whether upstream failures came back. Re-running it (a recovered job) reads the same bytes again: harmless.
 */
public final class ErrorLogRecheck implements Task {

    public static final String TASK = "apply-error-log-recheck";
    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final int MAX_SAMPLES = 5;

    private final Function<String, RemoteHost> hosts;
    private final RecheckListener listener;

    public ErrorLogRecheck(Function<String, RemoteHost> hosts, RecheckListener listener) {
        this.hosts = hosts;
        this.listener = listener;
    }

    /** Schedules the recheck of {@code errorLog} from byte {@code offset} (its size at apply time) after {@code delay}. */
    public static void schedule(Scheduler scheduler, long changeId, String host, String errorLog, long offset,
            Duration delay, Instant now) {
        scheduler.scheduleOnce("recheck-change-" + changeId, TASK, Map.of("change", Long.toString(changeId),
                "host", host, "log", errorLog, "offset", Long.toString(offset)), now.plus(delay));
    }

    /** The size of a log now, the offset to give {@link #schedule}. */
    public static long size(RemoteHost host, String errorLog) {
        CommandResult result = host.run("wc -c < " + ShellQuote.single(errorLog), TIMEOUT);
        if (!result.succeeded()) {
            throw new ApplyException(host.name() + ": cannot measure " + errorLog + ": " + result.stderr().strip());
        }
        return Long.parseLong(result.stdout().strip());
    }

    @Override
    public void run(TaskRun run) {
        long changeId = Long.parseLong(run.data().get("change"));
        String host = run.data().get("host");
        String log = run.data().get("log");
        long offset = Long.parseLong(run.data().get("offset"));
        try (RemoteHost remote = hosts.apply(host)) {
            // A log rotated since the apply is shorter than the offset: then all of it is new.
            CommandResult tail = remote.run("f=" + ShellQuote.single(log) + "; s=$(wc -c < \"$f\"); if [ \"$s\" -lt "
                    + offset + " ]; then cat \"$f\"; else tail -c +" + (offset + 1) + " \"$f\"; fi", TIMEOUT);
            if (!tail.succeeded()) {
                throw new ApplyException(host + ": cannot read " + log + " for the recheck of change " + changeId
                        + ": " + tail.stderr().strip());
            }
            listener.onRecheck(outcome(changeId, host, tail.stdout()));
        }
    }

    static RecheckOutcome outcome(long changeId, String host, String newLines) {
        Redactor redactor = new Redactor();
        List<String> samples = new ArrayList<>();
        int failures = 0;
        long number = 0;
        for (String line : newLines.split("\n")) {
            LineResult parsed = ErrorLogParser.parse(line, ++number);
            if (parsed.failureClass().isUpstreamFailure()) {
                failures++;
                if (samples.size() < MAX_SAMPLES) {
                    samples.add(redactor.redactLog(line).text());
                }
            }
        }
        return new RecheckOutcome(changeId, host, failures == 0, failures, samples);
    }
}
