package medic.slack.action;

import static com.slack.api.model.block.Blocks.asBlocks;
import static com.slack.api.model.block.Blocks.input;
import static com.slack.api.model.block.composition.BlockCompositions.plainText;
import static com.slack.api.model.block.element.BlockElements.plainTextInput;

import com.slack.api.model.view.View;
import com.slack.api.model.view.ViewClose;
import com.slack.api.model.view.ViewSubmit;
import com.slack.api.model.view.ViewTitle;
import com.slack.api.model.view.ViewState;
import java.util.Map;
import java.util.Optional;

/** The modal that asks why a proposal is rejected (views.open), and reading the answer back on submission. */
final class RejectDialog {

    static final String CALLBACK_ID = "medic_reject_reason";
    static final String REASON_BLOCK = "reason";
    static final String REASON_INPUT = "reason_text";
    static final int MAX_REASON = 500;

    private RejectDialog() {
    }

    static View view(RejectRequest request) {
        return View.builder().type("modal").callbackId(CALLBACK_ID)
                .title(ViewTitle.builder().type("plain_text").text("Reject proposal").build())
                .submit(ViewSubmit.builder().type("plain_text").text("Reject").build())
                .close(ViewClose.builder().type("plain_text").text("Cancel").build())
                .privateMetadata(request.toMetadata())
                .blocks(asBlocks(input(block -> block.blockId(REASON_BLOCK)
                        .label(plainText("Why is incident #" + request.value().incidentId() + "'s proposal rejected?"))
                        .element(plainTextInput(text -> text.actionId(REASON_INPUT).multiline(true)
                                .maxLength(MAX_REASON))))))
                .build();
    }

    /** The reason typed, stripped; empty when the field is missing or blank. */
    static Optional<String> reason(View submitted) {
        ViewState state = submitted.getState();
        Map<String, ViewState.Value> block = state == null || state.getValues() == null ? null
                : state.getValues().get(REASON_BLOCK);
        ViewState.Value input = block == null ? null : block.get(REASON_INPUT);
        String text = input == null || input.getValue() == null ? "" : input.getValue().strip();
        if (text.length() > MAX_REASON) {
            text = text.substring(0, MAX_REASON);
        }
        return text.isEmpty() ? Optional.empty() : Optional.of(text);
    }
}
