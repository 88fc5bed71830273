package medic.slack.message;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A piece of Slack mrkdwn that is safe to post: either medic's own markup or text that went through
 * {@link #escape}. Text from outside (hosts, labels, log lines, reasons people typed) only enters a message
 * escaped, so it can never form a mention ({@code <!channel>}, {@code <@U1>}), a link or a code-block break.
 */
public record Mrkdwn(String text) {
    private static final Pattern BROADCAST = Pattern.compile("@(channel|here|everyone)\\b");
    /** A user or channel mention as escaping leaves it: {@code &lt;@U123&gt;}, {@code &lt;#C123&gt;}. */
    private static final Pattern ESCAPED_MENTION = Pattern.compile("&lt;(@[UW][A-Z0-9]{2,20}|#C[A-Z0-9]{2,20})&gt;");
    /** U+2060 WORD JOINER: invisible, but breaks "@here" and runs of backticks apart. */
    static final String JOINER = "\u2060";

    public Mrkdwn {
        Objects.requireNonNull(text, "text");
    }

    /**
     * Escapes text for mrkdwn: &amp;, &lt;, &gt;; bare @channel/@here/@everyone and runs of backticks broken
     * by an invisible joiner (no code block can open or close); control characters replaced.
     */
    public static Mrkdwn escaped(String userText) {
        return new Mrkdwn(escape(userText));
    }

    /**
     * Escapes a sentence medic wrote that may name people or channels: user and channel mentions of a valid ID
     * shape ({@code <@U123>}, {@code <#C123>}) stay mentions; broadcasts, links and everything else are escaped.
     */
    public static Mrkdwn escapedKeepingMentions(String medicText) {
        return new Mrkdwn(ESCAPED_MENTION.matcher(escape(medicText)).replaceAll("<$1>"));
    }

    /** Markup medic wrote itself (templates, formatting): trusted as it is. */
    static Mrkdwn trusted(String markup) {
        return new Mrkdwn(markup);
    }

    /** Inline code: escaped, backticks replaced so the span cannot be closed early. */
    public static Mrkdwn code(String userText) {
        String inner = escape(userText).replace('`', '\u02CB');
        return new Mrkdwn("`" + (inner.isBlank() ? " " : inner) + "`");
    }

    static String escape(String userText) {
        if (userText == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(userText.length() + 16);
        for (int i = 0; i < userText.length(); i++) {
            char c = userText.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '`' -> out.append(i > 0 && userText.charAt(i - 1) == '`' ? JOINER + "`" : "`");
                case '\n', '\t' -> out.append(c);
                case '\r' -> { }
                default -> out.append(Character.isISOControl(c) ? '\uFFFD' : c);
            }
        }
        return BROADCAST.matcher(out).replaceAll("@" + JOINER + "$1");
    }

    /** For plain_text objects (headers, buttons, dialogs): no markup is parsed there, only control characters go. */
    static String plain(String userText) {
        if (userText == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(userText.length());
        userText.codePoints().forEach(c -> {
            if (c == '\n' || !Character.isISOControl(c)) {
                out.appendCodePoint(c);
            }
        });
        return out.toString();
    }

    public Mrkdwn append(Mrkdwn more) {
        return new Mrkdwn(text + more.text);
    }

    public boolean isBlank() {
        return text.isBlank();
    }

    @Override
    public String toString() {
        return text;
    }
}
