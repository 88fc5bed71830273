package medic.slack.message;

import static medic.slack.message.MessageTemplates.vars;

import java.util.Optional;

/**
 * The proposed change in the parent message: the diff inline when it is short; otherwise a summary, the
 * diff's first lines, and a {@link DiffFile} for the caller to upload into the thread.
 */
final class ProposalSection {
    static final int INLINE_LINES = 40;
    static final int INLINE_CHARS = 2000;
    static final int PREVIEW_LINES = 12;
    static final int PREVIEW_CHARS = 1200;
    private final MessageTemplates templates;

    ProposalSection(MessageTemplates templates) {
        this.templates = templates;
    }

    /** Adds the section; returns the file to upload when the diff did not fit inline. */
    Optional<DiffFile> addTo(BlockList blocks, IncidentHeader header, DiagnosisView view) {
        String summary = StateLine.clip(view.proposalSummary());
        if (view.proposalSha256() == null || view.proposalDiff().isBlank()) {
            blocks.section(templates.mrkdwn("incident.proposal.none", vars("summary", summary)));
            return Optional.empty();
        }
        String diff = view.proposalDiff();
        long lines = diff.lines().count();
        boolean fits = lines <= INLINE_LINES && diff.lines().allMatch(l -> l.length() <= CodeBlock.MAX_LINE)
                && diff.lines().mapToInt(l -> CodeBlock.line(l).length() + 1).sum() + 8 <= INLINE_CHARS;
        if (fits) {
            Mrkdwn block = CodeBlock.of(diff, INLINE_CHARS + 100, INLINE_LINES, n -> "");
            blocks.section(templates.mrkdwn("incident.proposal.inline", vars("summary", summary, "diff", block)));
            return Optional.empty();
        }
        String file = "incident-" + header.incidentId() + "-proposal.diff";
        Mrkdwn preview = CodeBlock.of(diff, PREVIEW_CHARS, PREVIEW_LINES,
                n -> templates.plain("incident.proposal.omitted", vars("count", n)));
        blocks.section(templates.mrkdwn("incident.proposal.attached",
                vars("summary", summary, "preview", preview, "file", file)));
        String comment = Truncation.fitPlain(templates.plain("incident.file_comment",
                vars("host", header.host(), "summary", summary)), 1000);
        return Optional.of(new DiffFile(file, diff, comment));
    }
}
