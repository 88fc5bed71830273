package medic.slack.message;

import static medic.slack.message.MessageTemplates.vars;

import java.util.List;
import java.util.Optional;
import medic.slack.message.IncidentState.Applied;
import medic.slack.message.IncidentState.AwaitingApproval;

/**
 * The parent message of an incident in every state: header, where it stands, who/when; then, once diagnosed,
 * the evidence, findings and proposed change; the decision buttons while awaiting approval, Rollback once
 * applied. Pure: the same values give the same message, within Slack's limits whatever the input.
 */
public final class IncidentMessages {
    private final MessageTemplates templates;
    private final StateLine stateLine;
    private final Buttons buttons;

    public IncidentMessages(MessageTemplates templates) {
        this.templates = templates;
        this.stateLine = new StateLine(templates);
        this.buttons = new Buttons(templates);
    }

    /** The parent message; {@code view} is null until the diagnosis exists (or when the run failed before it). */
    public IncidentPost parent(IncidentHeader header, IncidentState state, DiagnosisView view) {
        BlockList blocks = new BlockList();
        String upstream = header.upstream() == null || header.upstream().isBlank() ? "" : "\u2192 " + header.upstream();
        blocks.header(templates.plain("incident.header", vars("host", header.host(), "upstream", upstream)));
        boolean hasProposal = view != null && view.proposalSha256() != null;
        Mrkdwn line = stateLine.render(state, header.host(), hasProposal);
        if (state instanceof Applied applied && applied.changeSha256() != null) {
            blocks.section(line, buttons.rollback(header.incidentId(), applied.changeSha256()));
        } else {
            blocks.section(line, 1000);
        }
        blocks.context(List.of(templates.mrkdwn("incident.context", vars("incident", header.incidentId(),
                "alert", clip(header.alertName()), "severity", clip(header.severity()),
                "opened", SlackText.time(header.openedAt())))));
        Optional<DiffFile> file = Optional.empty();
        if (view != null) {
            blocks.divider();
            new EvidenceSection(templates).addTo(blocks, view);
            blocks.divider();
            new FindingsSection(templates).addTo(blocks, view.findings());
            file = new ProposalSection(templates).addTo(blocks, header, view);
            blocks.context(view.notes().stream().limit(3)
                    .map(note -> templates.mrkdwn("incident.note", vars("note", StateLine.clip(note)))).toList());
        }
        if (state instanceof AwaitingApproval) {
            String sha = hasProposal ? view.proposalSha256() : null;
            String summary = view == null ? "" : Truncation.fitPlain(StateLine.clip(view.proposalSummary()), 150);
            blocks.actions(buttons.decision(header.incidentId(), header.host(), sha, summary));
        }
        Mrkdwn fallback = templates.mrkdwn("incident.fallback", vars("host", header.host(), "upstream", upstream,
                "state", StateLine.label(state)));
        return new IncidentPost(blocks.build(fallback), file);
    }

    private static String clip(String value) {
        return value == null || value.isBlank() ? "unknown" : Truncation.fitPlain(value.strip(), 100);
    }
}
