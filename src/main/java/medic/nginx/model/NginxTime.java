package medic.nginx.model;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** nginx time values ({@code 60}, {@code 60s}, {@code 1h30m}, {@code 500ms}) as durations. */
public final class NginxTime {
    private static final Pattern PART = Pattern.compile("(\\d+)(ms|y|M|w|d|h|m|s)?");

    private NginxTime() {
    }

    /** The duration, or null when the text is not an nginx time (e.g. a variable). */
    public static Duration parse(String text) {
        if (text == null || text.isEmpty()) {
            return null;
        }
        Matcher m = PART.matcher(text);
        Duration total = Duration.ZERO;
        int at = 0;
        while (at < text.length()) {
            if (!m.find(at) || m.start() != at) {
                return null;
            }
            long n = Long.parseLong(m.group(1));
            String unit = m.group(2) == null ? "s" : m.group(2);
            total = total.plus(switch (unit) {
                case "ms" -> Duration.ofMillis(n);
                case "s" -> Duration.ofSeconds(n);
                case "m" -> Duration.ofMinutes(n);
                case "h" -> Duration.ofHours(n);
                case "d" -> Duration.ofDays(n);
                case "w" -> Duration.ofDays(7 * n);
                case "M" -> Duration.ofDays(30 * n);
                default -> Duration.ofDays(365 * n);
            });
            at = m.end();
        }
        return total;
    }

    /** A duration the way people write it in nginx: 75s, 1h, 500ms. */
    public static String format(Duration d) {
        if (d.toMillis() % 1000 != 0) {
            return d.toMillis() + "ms";
        }
        long s = d.getSeconds();
        if (s % 3600 == 0 && s > 0) {
            return s / 3600 + "h";
        }
        if (s % 60 == 0 && s > 0 && s < 3600) {
            return s / 60 + "m";
        }
        return s + "s";
    }
}
