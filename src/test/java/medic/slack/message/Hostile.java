package medic.slack.message;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import medic.nginx.LogStats;
import medic.nginx.diagnosis.Finding;
import medic.nginx.diagnosis.Severity;
import medic.nginx.log.FailureClass;
import medic.slack.SlackMessage;

/** Inputs built to break messages: huge, many, full of Slack markup and unicode at every cut point. */
final class Hostile {
    static final String INJECTION = "<!channel> <!here> @here <@U999> <#C123> <!subteam^S1> <http://evil|click> & ``` *";
    /** Emoji (surrogate pairs), combining marks, right-to-left text and an HTML entity lookalike. */
    static final String UNICODE = "\uD83D\uDE80 e\u0301dge \u05E9\u05DC\u05D5\u05DD &amp; \uD83D\uDD25";
    private static final Pattern OURS = Pattern.compile(
            "<!date\\^\\d+\\^\\{date_short_pretty} \\{time}\\|[^<>|]*>|<@[UW][A-Z0-9]{2,20}>");

    private Hostile() {
    }

    private static final Map<Integer, String> TEXTS = new java.util.concurrent.ConcurrentHashMap<>();

    /** {@code length} characters of injection and unicode, repeated (the same instance per length). */
    static String text(int length) {
        return TEXTS.computeIfAbsent(length, n -> {
            StringBuilder out = new StringBuilder();
            while (out.length() < n) {
                out.append(INJECTION).append(' ').append(UNICODE).append(' ');
            }
            return out.substring(0, n);
        });
    }

    /** {@code count} diff-like lines of {@code lineLength} hostile characters. */
    static String lines(int count, int lineLength) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < count; i++) {
            out.append(i % 2 == 0 ? "+" : "-").append(text(lineLength)).append('\n');
        }
        return out.toString();
    }

    private static final List<Finding> FINDINGS = findings(5000);

    static List<Finding> findings(int count) {
        List<Finding> findings = new ArrayList<>();
        Severity[] severities = Severity.values();
        for (int i = 0; i < count; i++) {
            findings.add(new Finding(text(30), severities[i % severities.length], text(2000), i, text(10_000),
                    text(10_000), text(500), text(500), List.of(text(10_000)), text(1000), List.of()));
        }
        return findings;
    }

    static LogStats log() {
        Map<FailureClass, Long> failures = new EnumMap<>(FailureClass.class);
        for (FailureClass failure : FailureClass.values()) {
            failures.put(failure, Long.MAX_VALUE / 32);
        }
        Map<String, Long> locations = new LinkedHashMap<>();
        for (int i = 0; i < 5000; i++) {
            locations.put(i + text(10_000), (long) i);
        }
        return new LogStats(Long.MAX_VALUE, 7, failures, locations, List.of(text(10_000)),
                LocalDateTime.of(2025, 3, 14, 9, 0), LocalDateTime.of(2025, 3, 14, 9, 15));
    }

    static DiagnosisView view() {
        String diff = "--- a/x\n+++ b/x\n" + lines(5, 10_000) + lines(1200, 40);
        return new DiagnosisView(log(), List.of(text(10_000), text(10_000), text(10_000)),
                new DiagnosisView.NginxTest(DiagnosisView.NginxTest.Verdict.FAILED, lines(3000, 40)), FINDINGS,
                text(10_000), diff, DiagnosisView.sha256(diff), List.of(text(10_000), text(10_000), text(10_000),
                text(10_000)));
    }

    /**
     * Within every limit, and no outside text turned into a mention, link or broadcast where Slack parses
     * markup (mrkdwn and the notification text; plain_text shows characters as they are). No cut surrogates.
     */
    static void assertSafe(SlackMessage message, String what) {
        assertSafe(message, what, OURS);
    }

    /**
     * {@link #assertSafe} for messages that carry medic's own sentences (outcomes, refusals): user and channel
     * mentions of a valid ID shape may stay; broadcasts, links and other markup may not.
     */
    static void assertSafeKeepingMentions(SlackMessage message, String what) {
        assertSafe(message, what, Pattern.compile(OURS.pattern() + "|<#C[A-Z0-9]{2,20}>"));
    }

    private static void assertSafe(SlackMessage message, String what, Pattern ours) {
        assertEquals(List.of(), SlackLimits.violations(message), what);
        for (String text : List.of(message.text(), Json.mrkdwnText(message))) {
            String outside = ours.matcher(text).replaceAll("");
            assertFalse(outside.contains("<") || outside.contains(">"), what + ": raw < or > in " + excerpt(outside));
            assertFalse(Pattern.compile("@(channel|here|everyone)\\b").matcher(text.replace("@\u2060", ""))
                    .find(), what + ": bare broadcast in " + excerpt(text));
        }
        String everything = message.text() + Json.allText(message);
        for (String text : List.of(everything)) {
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                boolean lone = Character.isHighSurrogate(c)
                        ? i + 1 >= text.length() || !Character.isLowSurrogate(text.charAt(i + 1))
                        : Character.isLowSurrogate(c) && (i == 0 || !Character.isHighSurrogate(text.charAt(i - 1)));
                assertFalse(lone, what + ": a surrogate pair was cut at " + i);
            }
        }
    }

    private static String excerpt(String text) {
        return text.length() > 400 ? text.substring(0, 400) + "..." : text;
    }
}
