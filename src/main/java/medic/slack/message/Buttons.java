package medic.slack.message;

import static com.slack.api.model.block.composition.BlockCompositions.plainText;

import com.slack.api.model.block.composition.ConfirmationDialogObject;
import com.slack.api.model.block.element.BlockElement;
import com.slack.api.model.block.element.ButtonElement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import medic.slack.ActionValue;
import medic.slack.Actions;

/**
 * The incident's buttons, labelled from templates/buttons.txt, each carrying an {@link ActionValue} (incident
 * id and the sha256 of the proposal or change shown) so a click acts only on what the clicker saw.
 */
final class Buttons {
    private final MessageTemplates templates;

    Buttons(MessageTemplates templates) {
        this.templates = templates;
    }

    /** Approve & apply (with a confirm dialog; only when there is something to apply), Reject, Re-run, Snooze. */
    List<BlockElement> decision(long incidentId, String host, String proposalSha256, String proposalSummary) {
        String value = new ActionValue(incidentId, proposalSha256).encode();
        List<BlockElement> buttons = new ArrayList<>();
        if (proposalSha256 != null) {
            Map<String, Object> values = Map.of("host", host, "summary", proposalSummary);
            ConfirmationDialogObject confirm = ConfirmationDialogObject.builder()
                    .title(plainText(fit("buttons.approve.confirm.title", Map.of("host", host), SlackLimits.CONFIRM_TITLE)))
                    .text(BlockList.markdown(Truncation.fit(
                            templates.mrkdwn("buttons.approve.confirm.text", values).text(), SlackLimits.CONFIRM_TEXT)))
                    .confirm(plainText(fit("buttons.approve.confirm.yes", Map.of(), SlackLimits.CONFIRM_BUTTON)))
                    .deny(plainText(fit("buttons.approve.confirm.no", Map.of(), SlackLimits.CONFIRM_BUTTON)))
                    .build();
            buttons.add(button("buttons.approve", Actions.APPROVE, value, "primary", confirm));
        }
        buttons.add(button("buttons.reject", Actions.REJECT, value, "danger", null));
        buttons.add(button("buttons.rerun", Actions.RERUN, value, null, null));
        buttons.add(button("buttons.snooze", Actions.SNOOZE, value, null, null));
        return buttons;
    }

    /** Rollback of an applied change, bound to that change's hash. */
    ButtonElement rollback(long incidentId, String changeSha256) {
        return button("buttons.rollback", Actions.ROLLBACK, new ActionValue(incidentId, changeSha256).encode(), "danger",
                null);
    }

    private ButtonElement button(String template, String actionId, String value, String style,
                                 ConfirmationDialogObject confirm) {
        return ButtonElement.builder()
                .text(plainText(fit(template, Map.of(), SlackLimits.BUTTON_TEXT)))
                .actionId(actionId).value(value).style(style).confirm(confirm).build();
    }

    private String fit(String template, Map<String, ?> values, int max) {
        return Truncation.fitPlain(templates.plain(template, values).replace('\n', ' '), max);
    }
}
