package medic.slack.message;

import static medic.slack.message.MessageTemplates.vars;

import java.time.Instant;
import medic.runbook.run.StepResult;
import medic.slack.SlackMessage;

/** Replies in an incident's thread: runbook step progress, coalesced repeat alerts, the resolved note. */
public final class ThreadReplies {
    static final int OUTPUT_LINES = 15;
    static final int OUTPUT_CHARS = 1500;
    private final MessageTemplates templates;

    public ThreadReplies(MessageTemplates templates) {
        this.templates = templates;
    }

    /** One runbook step as it ended: status, exit code, duration; a failed step also shows its output's tail. */
    public SlackMessage step(StepResult step, Instant approvalExpires) {
        String name = Truncation.fitPlain(step.stepId(), 80);
        String kind = step.kind().yamlName();
        String exit = step.exitCode() == null ? "" : ", exit " + step.exitCode();
        String elapsed = SlackText.duration(step.elapsed());
        Mrkdwn line = switch (step.status()) {
            case SUCCEEDED -> templates.mrkdwn("thread.step.succeeded",
                    vars("step", name, "kind", kind, "exit", exit, "elapsed", elapsed));
            case FAILED -> templates.mrkdwn("thread.step.failed", vars("step", name, "kind", kind, "exit", exit,
                    "elapsed", elapsed, "reason", StateLine.clip(step.failure())));
            case SKIPPED -> templates.mrkdwn("thread.step.skipped", vars("step", name, "kind", kind));
            case AWAITING_APPROVAL -> templates.mrkdwn("thread.step.awaiting_approval",
                    vars("step", name, "kind", kind, "expires", SlackText.time(approvalExpires)));
        };
        BlockList blocks = new BlockList().section(line, 1000);
        if (step.status() == StepResult.Status.FAILED) {
            String output = tail((step.stderr() == null ? "" : step.stderr()) + "\n"
                    + (step.stdout() == null ? "" : step.stdout()));
            if (!output.isBlank()) {
                blocks.section(templates.mrkdwn("thread.step.output", vars("output",
                        CodeBlock.of(output, OUTPUT_CHARS, OUTPUT_LINES, n -> "\u2026 " + n + " more lines"))));
            }
        }
        return blocks.build(line);
    }

    /** Alerts that repeated while the incident was open, coalesced into one reply. */
    public SlackMessage repeats(int count, String host, String alertName, Instant first, Instant last) {
        Mrkdwn line = templates.mrkdwn("thread.repeats", vars("count", count, "host", clip(host),
                "alert", clip(alertName), "first", SlackText.time(first), "last", SlackText.time(last)));
        return new BlockList().section(line).build(line);
    }

    /** The note that the alert cleared (the parent message changes to "resolved" at the same time). */
    public SlackMessage resolved(String alertName, Instant at) {
        Mrkdwn line = templates.mrkdwn("thread.resolved", vars("alert", clip(alertName), "at", SlackText.time(at)));
        return new BlockList().section(line).build(line);
    }

    /** The last lines of output, where commands put their errors. */
    static String tail(String output) {
        var lines = output.strip().lines().toList();
        return String.join("\n", lines.subList(Math.max(0, lines.size() - OUTPUT_LINES), lines.size()));
    }

    static String clip(String value) {
        return value == null || value.isBlank() ? "unknown" : Truncation.fitPlain(value.strip(), 120);
    }
}
