package medic.nginx.model;

import java.time.Duration;

/** nginx time values ({@code 60}, {@code 60s}, {@code 1h30m}, {@code 500ms}) as durations. */
public final class NginxTime {
    private NginxTime() {
    }

    /** The duration, or null when the text is not an nginx time (e.g. a variable). */
    public static Duration parse(String text) {
        if (text == null || text.isEmpty()) {
            return null;
        }
        // Read by hand rather than with a regex: rules parse a timeout for every location of large configs.
        Duration total = Duration.ZERO;
        int at = 0;
        int length = text.length();
        while (at < length) {
            int digits = at;
            while (at < length && text.charAt(at) >= '0' && text.charAt(at) <= '9') {
                at++;
            }
            if (at == digits) {
                return null;
            }
            long n = Long.parseLong(text, digits, at, 10);
            if (at == length) {
                return total.plus(Duration.ofSeconds(n));
            }
            boolean millis = text.startsWith("ms", at);
            Duration part = millis ? Duration.ofMillis(n) : switch (text.charAt(at)) {
                case 's' -> Duration.ofSeconds(n);
                case 'm' -> Duration.ofMinutes(n);
                case 'h' -> Duration.ofHours(n);
                case 'd' -> Duration.ofDays(n);
                case 'w' -> Duration.ofDays(7 * n);
                case 'M' -> Duration.ofDays(30 * n);
                case 'y' -> Duration.ofDays(365 * n);
                default -> null;
            };
            if (part == null) {
                return null;
            }
            total = total.plus(part);
            at += millis ? 2 : 1;
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
