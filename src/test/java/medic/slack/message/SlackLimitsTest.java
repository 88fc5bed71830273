package medic.slack.message;

import static com.slack.api.model.block.composition.BlockCompositions.plainText;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.slack.api.model.block.ActionsBlock;
import com.slack.api.model.block.ContextBlock;
import com.slack.api.model.block.ContextBlockElement;
import com.slack.api.model.block.DividerBlock;
import com.slack.api.model.block.HeaderBlock;
import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.block.SectionBlock;
import com.slack.api.model.block.composition.ConfirmationDialogObject;
import com.slack.api.model.block.composition.TextObject;
import com.slack.api.model.block.element.BlockElement;
import com.slack.api.model.block.element.ButtonElement;
import com.slack.api.util.json.GsonFactory;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import medic.slack.SlackMessage;
import org.junit.jupiter.api.Test;

/** The checker itself: it must catch every limit it claims to enforce (else the hostile test proves nothing). */
class SlackLimitsTest {

    private static SlackMessage message(LayoutBlock... blocks) {
        return new SlackMessage("text", GsonFactory.createSnakeCase().toJson(List.of(blocks)));
    }

    private static SectionBlock section(int length) {
        return SectionBlock.builder().text(BlockList.markdown("x".repeat(length))).build();
    }

    private static ButtonElement button(int text, int value, int actionId) {
        return ButtonElement.builder().text(plainText("b".repeat(text))).value("v".repeat(value))
                .actionId("a".repeat(actionId)).build();
    }

    private static void assertOneViolation(SlackMessage message, String expected) {
        List<String> violations = SlackLimits.violations(message);
        assertEquals(1, violations.size(), violations.toString());
        assertTrue(violations.get(0).contains(expected), violations.toString());
    }

    @Test
    void accepts_a_message_exactly_at_the_limits() {
        List<ContextBlockElement> ten = new ArrayList<>(Collections.nCopies(10, BlockList.markdown("c")));
        assertEquals(List.of(), SlackLimits.violations(message(section(3000),
                HeaderBlock.builder().text(plainText("h".repeat(150))).build(),
                ContextBlock.builder().elements(ten).build(), DividerBlock.builder().build(),
                ActionsBlock.builder().elements(List.of(button(75, 2000, 255))).build())));
    }

    @Test
    void catches_each_limit_one_past_it() {
        assertOneViolation(message(section(3001)), "blocks[0].text: 3001, allowed 3000");
        assertOneViolation(message(HeaderBlock.builder().text(plainText("h".repeat(151))).build()), "allowed 150");
        assertOneViolation(message(ContextBlock.builder().elements(
                new ArrayList<>(Collections.nCopies(11, BlockList.markdown("c")))).build()), "elements: 11, allowed 10");
        assertOneViolation(message(ActionsBlock.builder().elements(List.of(button(76, 1, 1))).build()), "allowed 75");
        assertOneViolation(message(ActionsBlock.builder().elements(List.of(button(1, 2001, 1))).build()),
                "value: 2001, allowed 2000");
        assertOneViolation(message(ActionsBlock.builder().elements(List.of(button(1, 1, 256))).build()),
                "action_id: 256, allowed 255");
        List<TextObject> eleven = new ArrayList<>(Collections.nCopies(11, BlockList.markdown("f")));
        assertOneViolation(message(SectionBlock.builder().fields(eleven).build()), "fields: 11, allowed 10");
        assertOneViolation(message(SectionBlock.builder().fields(List.of(BlockList.markdown("f".repeat(2001))))
                .build()), "fields[0]: 2001, allowed 2000");
        assertOneViolation(message(section(0)), "empty text");
        assertOneViolation(message(SectionBlock.builder().text(BlockList.markdown("```\nopen")).build()),
                "unbalanced ```");
    }

    @Test
    void catches_block_count_total_text_and_top_level_text() {
        LayoutBlock[] many = new LayoutBlock[51];
        java.util.Arrays.fill(many, DividerBlock.builder().build());
        assertOneViolation(message(many), "51 blocks, allowed 50");
        assertOneViolation(message(section(3000), section(3000), section(3000), section(3000), section(1)),
                "12001 characters of text in all");
        assertOneViolation(new SlackMessage("t".repeat(4001), "[]"), "text: 4001");
        assertOneViolation(new SlackMessage("", "[]"), "text: 0");
    }

    @Test
    void checks_confirm_dialogs_and_wrong_text_types() {
        ConfirmationDialogObject confirm = ConfirmationDialogObject.builder().title(plainText("t".repeat(101)))
                .text(BlockList.markdown("x".repeat(301))).confirm(plainText("y".repeat(31)))
                .deny(plainText("n".repeat(31))).build();
        BlockElement button = ButtonElement.builder().text(plainText("ok")).actionId("a").confirm(confirm).build();
        List<String> violations = SlackLimits.violations(message(ActionsBlock.builder().elements(List.of(button)).build()));
        assertEquals(4, violations.size(), violations.toString());
        assertOneViolation(message(HeaderBlock.builder().text(null).build()), "missing");
        SectionBlock withMrkdwnButton = SectionBlock.builder().text(BlockList.markdown("s")).accessory(
                ButtonElement.builder().text(plainText("x")).build()).build();
        assertEquals(List.of(), SlackLimits.violations(message(withMrkdwnButton)));
    }

    @Test
    void require_within_names_what_is_broken() {
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> SlackLimits.requireWithin(message(section(3001))));
        assertTrue(e.getMessage().contains("blocks[0].text: 3001"), e.getMessage());
        assertOneViolation(new SlackMessage("t", "[{\"type\":\"image\"}]"), "not one medic checks");
    }
}
