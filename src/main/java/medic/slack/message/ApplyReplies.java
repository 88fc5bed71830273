package medic.slack.message;

import static medic.slack.message.MessageTemplates.vars;

import java.util.List;
import java.util.Locale;
import medic.slack.SlackMessage;

/** Thread replies while an approved change is applied: each step as it happens, verify results, refusals. */
public final class ApplyReplies {
    static final int PROBES = 20;
    private final MessageTemplates templates;

    public ApplyReplies(MessageTemplates templates) {
        this.templates = templates;
    }

    /** One apply step on {@code host}; output (e.g. nginx -t's) follows in a code block. */
    public SlackMessage step(String host, ApplyStep step) {
        String label = templates.plain("apply.kind." + step.kind().name().toLowerCase(Locale.ROOT), vars());
        String detail = step.detail() == null || step.detail().isBlank() ? "" : ": " + StateLine.clip(step.detail());
        String outcome = step.outcome().name().toLowerCase(Locale.ROOT);
        Mrkdwn line = templates.mrkdwn("apply.step." + outcome, step.outcome() == ApplyStep.Outcome.STARTED
                ? vars("step", label, "host", ThreadReplies.clip(host))
                : vars("step", label, "host", ThreadReplies.clip(host), "elapsed", SlackText.duration(step.elapsed()),
                        "detail", detail));
        BlockList blocks = new BlockList().section(line, 1200);
        if (step.output() != null && !step.output().isBlank()) {
            blocks.section(templates.mrkdwn("apply.step.output", vars("step", label, "output",
                    CodeBlock.of(ThreadReplies.tail(step.output()), ThreadReplies.OUTPUT_CHARS,
                            ThreadReplies.OUTPUT_LINES, n -> "\u2026 " + n + " more lines"))));
        }
        return blocks.build(line);
    }

    /** All probes of a verification: a headline, then one line per probe (failed ones first). */
    public SlackMessage verification(String host, List<Verification> probes) {
        long failed = probes.stream().filter(p -> !p.passed()).count();
        Mrkdwn headline = failed == 0
                ? templates.mrkdwn("apply.verify.passed", vars("host", ThreadReplies.clip(host), "count", probes.size()))
                : templates.mrkdwn("apply.verify.failed", vars("host", ThreadReplies.clip(host), "count", probes.size(),
                        "failed", failed));
        StringBuilder lines = new StringBuilder();
        probes.stream().sorted((a, b) -> Boolean.compare(a.passed(), b.passed())).limit(PROBES).forEach(p ->
                lines.append(lines.isEmpty() ? "" : "\n").append(templates.mrkdwn(
                        "apply.verify.probe." + (p.passed() ? "passed" : "failed"),
                        vars("probe", Truncation.fitPlain(String.valueOf(p.probe()), 80),
                                "detail", p.detail() == null ? "" : StateLine.clip(p.detail()),
                                "elapsed", SlackText.duration(p.elapsed()))).text()));
        if (probes.size() > PROBES) {
            lines.append('\n').append(templates.mrkdwn("command.more", vars("count", probes.size() - PROBES)).text());
        }
        BlockList blocks = new BlockList().section(headline);
        if (!lines.isEmpty()) {
            blocks.section(Mrkdwn.trusted(lines.toString()));
        }
        return blocks.build(headline);
    }

    /** Why nothing was applied: drifted files, the circuit breaker, an approval that is no longer valid. */
    public SlackMessage refused(String host, String reason) {
        Mrkdwn line = templates.mrkdwn("apply.refused", vars("host", ThreadReplies.clip(host),
                "reason", StateLine.clip(reason)));
        return new BlockList().section(line).build(line);
    }
}
