package medic.slack.message;

/**
 * Cuts text to a Slack limit with a visible marker, never inside a surrogate pair or an HTML entity
 * ({@code &amp;}), preferring a line break, and closing a code block the cut left open.
 */
final class Truncation {
    static final String MARKER = "\u2026 (truncated)";
    private static final String FENCE = "```";

    private Truncation() {
    }

    /** {@code text} itself when it fits in {@code max} characters, else its head plus {@link #MARKER}. */
    static String fit(String text, int max) {
        return fit(text, max, MARKER);
    }

    static String fit(String text, int max, String marker) {
        if (text.length() <= max) {
            return text;
        }
        String tail = marker.isEmpty() ? "" : (marker.startsWith("\n") ? marker : " " + marker);
        int room = max - tail.length() - FENCE.length() - 1;
        if (room <= 0) {
            return head(text, Math.max(0, max - 1)) + "\u2026";
        }
        String kept = head(text, room);
        int newline = kept.lastIndexOf('\n');
        if (newline > room * 6 / 10) {
            kept = kept.substring(0, newline);
        }
        if (countFences(kept) % 2 == 1) {
            kept = kept + "\n" + FENCE;
        }
        return kept + tail;
    }

    /** Plain text (headers, buttons, dialog titles): head plus an ellipsis. */
    static String fitPlain(String text, int max) {
        return text.length() <= max ? text : head(text, max - 1) + "\u2026";
    }

    /** The first {@code length} characters at most, not splitting a surrogate pair or an entity. */
    static String head(String text, int length) {
        if (text.length() <= length) {
            return text;
        }
        int end = length;
        if (end > 0 && Character.isHighSurrogate(text.charAt(end - 1))) {
            end--;
        }
        int amp = text.lastIndexOf('&', end - 1);
        if (amp >= 0 && end - amp < 6 && text.indexOf(';', amp) >= end) {
            end = amp;
        }
        return text.substring(0, end);
    }

    private static int countFences(String text) {
        int count = 0;
        for (int i = text.indexOf(FENCE); i >= 0; i = text.indexOf(FENCE, i + FENCE.length())) {
            count++;
        }
        return count;
    }
}
