package medic.runbook.run;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import medic.MedicException;
import medic.inventory.HostEntry;
import medic.nginx.Diagnosis;
import medic.nginx.Diagnostician;
import medic.nginx.config.ConfigTree;
import medic.nginx.config.DumpConfigSource;
import medic.nginx.diagnosis.BackendFacts;
import medic.nginx.model.NginxConfig;
import medic.nginx.model.NginxVersion;
import medic.nginx.redact.Redactor;
import medic.remote.CommandResult;
import medic.remote.RemoteException;
import medic.remote.RemoteHost;
import medic.runbook.HostCommands;
import medic.runbook.OnFailure;
import medic.runbook.Runbook;
import medic.runbook.Step;
import medic.runbook.StepKind;
import medic.runbook.run.StepResult.Status;

/**
 * Runs a runbook on one host up to its approval gate: host steps through {@link RemoteHost}, the diagnosis and
 * proposal in process. Every result is redacted before the listener sees it. Nothing after the gate runs here:
 * that is the approval's business.
 */
public final class RunbookRunner {
    /** Told about each step as it ends, e.g. to persist it or post it to a thread. */
    public interface Listener {
        void stepFinished(StepResult result);
    }

    private static final Redactor REDACTOR = new Redactor();
    private final Clock clock;
    private final UpstreamIdleProbes probes;

    public RunbookRunner(Clock clock) {
        this(clock, null);
    }

    /**
     * A runner that measures the backends' idle timeouts from the host before each diagnosis, within the diagnose
     * step's timeout (null: it does not).
     */
    public RunbookRunner(Clock clock, UpstreamIdleProbes probes) {
        this.clock = clock;
        this.probes = probes;
    }

    public RunResult run(Runbook runbook, HostEntry host, RemoteHost remote, BackendFacts given, Listener listener) {
        // Facts given by the caller (e.g. the CLI's --backend-idle) win over the inventory's declaration.
        BackendFacts facts = given.withDeclared(host.nginx().backendIdleTimeouts(), "declared in the inventory");
        Collected collected = new Collected();
        List<StepResult> results = new ArrayList<>();
        for (Step step : runbook.steps()) {
            StepResult result;
            try {
                result = step.kind() == StepKind.APPROVAL_GATE
                        ? new StepResult(step.id(), step.kind(), Status.AWAITING_APPROVAL, null, "", "", false,
                                Duration.ZERO, null)
                        : step.kind().runsOnHost() ? onHost(step, host, remote, collected)
                        : inProcess(step, collected, facts, remote);
            } catch (RemoteException e) {
                result = failed(step, e.getMessage(), Duration.ZERO);
                results.add(result);
                listener.stepFinished(result);
                return new RunResult(RunResult.Outcome.FAILED, results, collected.version, collected.diagnosis,
                        e.getMessage(), e.reason().isTransient());
            }
            results.add(result);
            listener.stepFinished(result);
            if (result.status() == Status.AWAITING_APPROVAL) {
                return new RunResult(RunResult.Outcome.AWAITING_APPROVAL, results, collected.version,
                        collected.diagnosis, null, false);
            }
            if (result.status() == Status.FAILED && step.onFailure() == OnFailure.STOP) {
                return new RunResult(RunResult.Outcome.FAILED, results, collected.version, collected.diagnosis,
                        host.name() + ": step " + step.id() + ": " + result.failure(), false);
            }
        }
        return new RunResult(RunResult.Outcome.COMPLETED, results, collected.version, collected.diagnosis, null, false);
    }

    private StepResult onHost(Step step, HostEntry host, RemoteHost remote, Collected collected) {
        String command = HostCommands.forStep(step, host).orElseThrow();
        CommandResult run = remote.run(command, step.timeout());
        String failure = run.succeeded() ? null : "exit status " + run.exitCode() + firstLine(run.stderr());
        switch (step.kind()) {
            case NGINX_VERSION -> {
                try {
                    collected.version = NginxVersion.parse(run.stderr() + "\n" + run.stdout());
                } catch (MedicException e) {
                    failure = e.getMessage();
                }
            }
            case NGINX_DUMP -> {
                if (run.succeeded()) {
                    collected.dump = run.stdout();
                }
            }
            case ERROR_LOG -> {
                if (run.succeeded()) {
                    collected.log.writeBytes(run.stdout().getBytes(StandardCharsets.UTF_8));
                }
            }
            default -> { }
        }
        if (step.kind() == StepKind.NGINX_DUMP) {
            // The dump is diagnosed, not shown: only nginx's verdict (stderr) goes into the record.
            return result(step, run, failure, "(" + run.stdout().lines().count() + " lines of nginx -T output)");
        }
        return result(step, run, failure, null);
    }

    private StepResult inProcess(Step step, Collected collected, BackendFacts facts, RemoteHost remote) {
        Instant start = clock.instant();
        if (step.kind() == StepKind.DIAGNOSE) {
            if (collected.dump == null) {
                return failed(step, "no nginx -T output to diagnose (the nginx_dump step did not succeed)", Duration.ZERO);
            }
            ConfigTree tree = DumpConfigSource.load(collected.dump, "nginx -T output");
            byte[] log = collected.log.size() == 0 ? null : collected.log.toByteArray();
            String probed = "";
            if (probes != null) {
                UpstreamIdleProbes.Report report = probes.measure(NginxConfig.of(tree, collected.version), remote, facts,
                        step.timeout());
                facts = report.facts();
                probed = "\n" + REDACTOR.redactText(report.summary()).text();
            }
            collected.diagnosis = Diagnostician.diagnose(tree, log, collected.version, facts);
            String summary = collected.diagnosis.findings().size() + " finding(s): " + collected.diagnosis.findings()
                    .stream().map(f -> f.rule() + "@" + f.where()).distinct().limit(20).toList() + probed;
            return new StepResult(step.id(), step.kind(), Status.SUCCEEDED, null, summary, "", false,
                    Duration.between(start, clock.instant()), null);
        }
        if (step.kind() == StepKind.PROPOSE) {
            if (collected.diagnosis == null) {
                return failed(step, "no diagnosis to propose from (the diagnose step did not succeed)", Duration.ZERO);
            }
            String diff = REDACTOR.redactText(collected.diagnosis.proposal().unifiedDiff()).text();
            return new StepResult(step.id(), step.kind(), Status.SUCCEEDED, null, diff, "", false,
                    Duration.between(start, clock.instant()), null);
        }
        throw new IllegalStateException("step kind " + step.kind() + " has no in-process implementation");
    }

    private static StepResult result(Step step, CommandResult run, String failure, String stdoutOverride) {
        String stdout = stdoutOverride != null ? stdoutOverride : REDACTOR.redactText(run.stdout()).text();
        return new StepResult(step.id(), step.kind(), failure == null ? Status.SUCCEEDED : Status.FAILED,
                run.exitCode(), stdout, REDACTOR.redactText(run.stderr()).text(), run.truncated(), run.elapsed(),
                failure == null ? null : REDACTOR.redactText(failure).text());
    }

    private static StepResult failed(Step step, String reason, Duration elapsed) {
        return new StepResult(step.id(), step.kind(), Status.FAILED, null, "", "", false, elapsed,
                REDACTOR.redactText(reason).text());
    }

    private static String firstLine(String stderr) {
        String line = stderr.lines().filter(l -> !l.isBlank()).findFirst().orElse("");
        return line.isEmpty() ? "" : ": " + line;
    }

    /** What earlier steps handed to later ones. */
    private static final class Collected {
        NginxVersion version;
        String dump;
        final ByteArrayOutputStream log = new ByteArrayOutputStream();
        Diagnosis diagnosis;
    }
}
