package medic.apply;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import medic.apply.StepReport.Status;
import medic.nginx.redact.Redactor;
import medic.remote.CommandResult;

/** Reports each step of one change to the listener as it happens, and records it in the audit. */
final class StepRecorder {

    private final long changeId;
    private final String host;
    private final String proposalId;
    private final String diffSha256;
    private final StepListener listener;
    private final AuditLog audit;
    private final Clock clock;
    private final Redactor redactor = new Redactor();
    private final List<StepReport> reports = new ArrayList<>();

    StepRecorder(Change change, String diffSha256, StepListener listener, AuditLog audit, Clock clock) {
        this.changeId = change.id();
        this.host = change.host();
        this.proposalId = change.proposalId();
        this.diffSha256 = diffSha256;
        this.listener = listener;
        this.audit = audit;
        this.clock = clock;
    }

    /** Outcome of a step body: passed or not, a sentence, and command output if any. */
    record Outcome(boolean passed, String message, String output) {
        static Outcome pass(String message) {
            return new Outcome(true, message, "");
        }

        static Outcome fail(String message) {
            return new Outcome(false, message, "");
        }

        /** A command's outcome: {@code passed} or {@code failed} by its exit status, with its output. */
        static Outcome of(CommandResult result, String passed, String failed) {
            return new Outcome(result.succeeded(), result.succeeded() ? passed : failed, NginxCommands.output(result));
        }
    }

    /** Runs one step: STARTED, then PASSED or FAILED (an exception counts as FAILED and is rethrown). */
    Outcome step(ApplyStep step, String starting, Supplier<Outcome> body) {
        report(step, Status.STARTED, starting, "", Duration.ZERO);
        long started = System.nanoTime();
        try {
            Outcome outcome = body.get();
            report(step, outcome.passed() ? Status.PASSED : Status.FAILED, outcome.message(), outcome.output(),
                    Duration.ofNanos(System.nanoTime() - started));
            return outcome;
        } catch (RuntimeException e) {
            report(step, Status.FAILED, String.valueOf(e.getMessage()), "", Duration.ofNanos(System.nanoTime() - started));
            throw e;
        }
    }

    /** A one-off event (a refusal, the end) with no body. */
    void note(ApplyStep step, Status status, String message) {
        report(step, status, message, "", Duration.ZERO);
    }

    /** An audit event that is no step of its own (what a recovery found, what a restore did to one file). */
    void event(String event, String detail) {
        audit.record(clock.instant(), "medic", host, proposalId, changeId, diffSha256, event, detail);
    }

    List<StepReport> reports() {
        return List.copyOf(reports);
    }

    private void report(ApplyStep step, Status status, String message, String output, Duration elapsed) {
        StepReport report = new StepReport(changeId, host, step, status, redactor.redactText(message).text(),
                redactor.redactText(output).text(), elapsed);
        reports.add(report);
        audit.record(clock.instant(), "medic", host, proposalId, changeId, diffSha256, step + "_" + status,
                message + (output.isEmpty() ? "" : "\n" + output));
        listener.onStep(report);
    }
}
