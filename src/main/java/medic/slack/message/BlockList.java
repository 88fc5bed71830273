package medic.slack.message;

import static com.slack.api.model.block.composition.BlockCompositions.plainText;

import com.google.gson.Gson;
import com.slack.api.model.block.ActionsBlock;
import com.slack.api.model.block.ContextBlock;
import com.slack.api.model.block.ContextBlockElement;
import com.slack.api.model.block.DividerBlock;
import com.slack.api.model.block.HeaderBlock;
import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.block.SectionBlock;
import com.slack.api.model.block.composition.MarkdownTextObject;
import com.slack.api.model.block.composition.TextObject;
import com.slack.api.model.block.element.BlockElement;
import com.slack.api.util.json.GsonFactory;
import java.util.ArrayList;
import java.util.List;
import medic.slack.SlackMessage;

/**
 * Collects Block Kit blocks (Slack SDK builders) and cuts what would break {@link SlackLimits}: texts are
 * truncated with a marker, blocks past the count or the character budget are dropped and said so. Serialised
 * with the SDK's snake-case Gson, as Slack expects.
 */
final class BlockList {
    private static final Gson GSON = GsonFactory.createSnakeCase();
    /** Room kept for the closing blocks (buttons, "N more" notes) whatever came before. */
    private static final int RESERVED_BLOCKS = 3;
    private static final int RESERVED_CHARS = 1200;
    private final List<LayoutBlock> blocks = new ArrayList<>();
    private int chars;
    private int dropped;

    BlockList header(String plain) {
        String text = Truncation.fitPlain(Mrkdwn.plain(plain).replace('\n', ' ').strip(), SlackLimits.HEADER_TEXT);
        if (!text.isEmpty()) {
            add(HeaderBlock.builder().text(plainText(text)).build(), text.length(), false);
        }
        return this;
    }

    BlockList section(Mrkdwn text) {
        return section(text, SlackLimits.SECTION_TEXT);
    }

    /** A section cut to {@code max} characters (and to what is left of the message's budget). */
    BlockList section(Mrkdwn text, int max) {
        String fitted = Truncation.fit(text.text(), Math.min(Math.min(max, SlackLimits.SECTION_TEXT), budget()));
        if (!fitted.isBlank()) {
            add(SectionBlock.builder().text(markdown(fitted)).build(), fitted.length(), false);
        }
        return this;
    }

    /** A section whose text sits beside a button (Rollback on an applied change). */
    BlockList section(Mrkdwn text, BlockElement accessory) {
        String fitted = Truncation.fit(text.text(), Math.min(SlackLimits.SECTION_TEXT, budget()));
        add(SectionBlock.builder().text(markdown(fitted.isBlank() ? " " : fitted)).accessory(accessory).build(),
                fitted.length(), true);
        return this;
    }

    /** Two-column fields; more than Slack allows are dropped, each cut to its limit. */
    BlockList fields(List<Mrkdwn> fields) {
        List<TextObject> texts = new ArrayList<>();
        int length = 0;
        for (Mrkdwn field : fields.subList(0, Math.min(fields.size(), SlackLimits.SECTION_FIELDS))) {
            String fitted = Truncation.fit(field.text(), Math.min(SlackLimits.FIELD_TEXT, 400));
            if (!fitted.isBlank()) {
                texts.add(markdown(fitted));
                length += fitted.length();
            }
        }
        if (!texts.isEmpty()) {
            add(SectionBlock.builder().fields(texts).build(), length, false);
        }
        return this;
    }

    /** Small grey lines; at most Slack's ten elements, each cut to 300 characters. */
    BlockList context(List<Mrkdwn> elements) {
        List<ContextBlockElement> texts = new ArrayList<>();
        int length = 0;
        for (Mrkdwn element : elements.subList(0, Math.min(elements.size(), SlackLimits.CONTEXT_ELEMENTS))) {
            String fitted = Truncation.fit(element.text(), 300);
            if (!fitted.isBlank()) {
                texts.add(markdown(fitted));
                length += fitted.length();
            }
        }
        if (!texts.isEmpty()) {
            add(ContextBlock.builder().elements(texts).build(), length, false);
        }
        return this;
    }

    BlockList divider() {
        add(DividerBlock.builder().build(), 0, false);
        return this;
    }

    /** Buttons; always kept (room is reserved for them). */
    BlockList actions(List<BlockElement> buttons) {
        if (!buttons.isEmpty()) {
            List<BlockElement> kept = buttons.subList(0, Math.min(buttons.size(), SlackLimits.ACTIONS_ELEMENTS));
            add(ActionsBlock.builder().elements(new ArrayList<>(kept)).build(), 0, true);
        }
        return this;
    }

    /** What is left of the message's text budget for ordinary blocks. */
    int budget() {
        return Math.max(0, SlackLimits.TOTAL_BLOCK_TEXT - RESERVED_CHARS - chars);
    }

    int size() {
        return blocks.size();
    }

    /** The message; {@code fallback} is the notification text (mrkdwn, escaped by the caller). */
    SlackMessage build(Mrkdwn fallback) {
        if (dropped > 0 && blocks.size() < SlackLimits.MAX_BLOCKS) {
            String note = "\u2026 " + dropped + " more block(s) left out to stay within Slack's limits";
            blocks.add(ContextBlock.builder().elements(List.of(markdown(note))).build());
        }
        String text = Truncation.fit(fallback.text().isBlank() ? "medic" : fallback.text(), SlackLimits.MESSAGE_TEXT);
        return new SlackMessage(text, GSON.toJson(blocks));
    }

    private void add(LayoutBlock block, int length, boolean reserved) {
        int blockLimit = SlackLimits.MAX_BLOCKS - 1 - (reserved ? 0 : RESERVED_BLOCKS);
        int charLimit = SlackLimits.TOTAL_BLOCK_TEXT - (reserved ? 0 : RESERVED_CHARS);
        if (blocks.size() >= blockLimit || chars + length > charLimit) {
            dropped++;
            return;
        }
        blocks.add(block);
        chars += length;
    }

    /** mrkdwn with verbatim on: Slack must not turn names or URLs in outside text into mentions or links. */
    static MarkdownTextObject markdown(String text) {
        return MarkdownTextObject.builder().text(text).verbatim(true).build();
    }
}
