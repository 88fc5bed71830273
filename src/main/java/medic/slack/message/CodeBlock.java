package medic.slack.message;

import java.util.List;
import java.util.function.IntFunction;

/**
 * A preformatted block (```) of outside text within a character budget: every line escaped, runs of backticks
 * broken so the block cannot be closed from inside, long lines clipped, and whole lines dropped at the end
 * with a note saying how many (e.g. "... (truncated, 120 more lines in the attached file)").
 */
final class CodeBlock {
    static final int MAX_LINE = 300;
    private static final String FENCE = "```";

    private CodeBlock() {
    }

    /**
     * @param maxChars    the budget for the whole block, fences and note included
     * @param maxLines    lines shown at most
     * @param omittedNote the note for {@code n} lines left out, shown in the block
     */
    static Mrkdwn of(String content, int maxChars, int maxLines, IntFunction<String> omittedNote) {
        List<String> lines = content.lines().toList();
        StringBuilder body = new StringBuilder();
        int shown = 0;
        for (String line : lines) {
            String escaped = line(line);
            int remaining = lines.size() - shown - 1;
            String reserve = remaining > 0 ? "\n" + Mrkdwn.escape(omittedNote.apply(remaining)) : "";
            int needed = body.length() + escaped.length() + 1 + reserve.length() + 2 * FENCE.length() + 2;
            if (shown == maxLines || needed > maxChars) {
                break;
            }
            body.append(escaped).append('\n');
            shown++;
        }
        if (shown < lines.size()) {
            body.append(Mrkdwn.escape(omittedNote.apply(lines.size() - shown))).append('\n');
        }
        String block = FENCE + "\n" + (body.isEmpty() ? " \n" : body) + FENCE;
        // A budget too small for even the note: Truncation still closes the block within the limit.
        return Mrkdwn.trusted(Truncation.fit(block, maxChars));
    }

    static String line(String raw) {
        String clipped = raw.length() > MAX_LINE ? Truncation.head(raw, MAX_LINE) + "\u2026" : raw;
        String escaped = Mrkdwn.escape(clipped);
        if (escaped.length() > MAX_LINE + 40) {
            escaped = Truncation.head(escaped, MAX_LINE) + "\u2026";
        }
        return escaped;
    }
}
