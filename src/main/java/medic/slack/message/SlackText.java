package medic.slack.message;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.regex.Pattern;

/**
 * Slack's own markup that only medic may write: user mentions from validated IDs and dates every reader sees
 * in their own time zone. Also how durations and counts read in messages.
 */
final class SlackText {
    private static final Pattern USER_ID = Pattern.compile("[UW][A-Z0-9]{2,20}");
    private static final DateTimeFormatter FALLBACK =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

    private SlackText() {
    }

    /** {@code <@U123>} for a Slack user ID; anything else (a name, "medic") shown as escaped text. */
    static Mrkdwn user(String userId) {
        if (userId == null || userId.isBlank()) {
            return Mrkdwn.escaped("medic");
        }
        return USER_ID.matcher(userId).matches() ? Mrkdwn.trusted("<@" + userId + ">") : Mrkdwn.escaped(userId);
    }

    /** A date Slack renders in the reader's time zone, with a UTC fallback for clients that cannot. */
    static Mrkdwn time(Instant instant) {
        if (instant == null) {
            return Mrkdwn.escaped("(unknown time)");
        }
        return Mrkdwn.trusted("<!date^" + instant.getEpochSecond() + "^{date_short_pretty} {time}|"
                + FALLBACK.format(instant) + ">");
    }

    /** A setting's span in words: "1 minute", "90 seconds", "2 hours". */
    static String span(Duration duration) {
        long seconds = duration == null ? 0 : duration.toSeconds();
        if (seconds > 0 && seconds % 3600 == 0) {
            return seconds / 3600 + (seconds == 3600 ? " hour" : " hours");
        }
        if (seconds > 0 && seconds % 60 == 0) {
            return seconds / 60 + (seconds == 60 ? " minute" : " minutes");
        }
        return seconds + (seconds == 1 ? " second" : " seconds");
    }

    static String duration(Duration duration) {
        if (duration == null) {
            return "?";
        }
        long millis = duration.toMillis();
        if (millis < 1000) {
            return millis + " ms";
        }
        if (millis < 60_000) {
            return String.format(java.util.Locale.ROOT, "%.1f s", millis / 1000.0);
        }
        long seconds = duration.toSeconds();
        return seconds / 60 + " min " + seconds % 60 + " s";
    }
}
