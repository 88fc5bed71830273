package medic.alert;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Pattern;

/** RFC 3339 times as Alertmanager writes them (Go's RFC3339Nano), with Go's zero time meaning "not set". */
final class Rfc3339 {

    private static final Pattern SHAPE = Pattern.compile(
            "\\d{4}-\\d{2}-\\d{2}[Tt]\\d{2}:\\d{2}:\\d{2}(\\.\\d{1,9})?([Zz]|[+-]\\d{2}:\\d{2})");
    /** Go's time.Time{} as Alertmanager serialises an unset endsAt. */
    static final Instant GO_ZERO_TIME = Instant.parse("0001-01-01T00:00:00Z");

    private Rfc3339() {
    }

    /** The instant, or null for Go's zero time; {@code field} names it in the error. */
    static Instant parse(String text, String field) {
        if (!SHAPE.matcher(text).matches()) {
            throw new PayloadException(field + ": not an RFC 3339 time (e.g. 2024-05-01T12:00:00.123Z), got \""
                    + abbreviated(text) + "\"");
        }
        try {
            Instant instant = OffsetDateTime.parse(text.toUpperCase(Locale.ROOT)).toInstant();
            return instant.equals(GO_ZERO_TIME) ? null : instant;
        } catch (DateTimeParseException e) {
            throw new PayloadException(field + ": not a valid date or time, got \"" + abbreviated(text) + "\"");
        }
    }

    private static String abbreviated(String text) {
        return text.length() <= 64 ? text : text.substring(0, 64) + "...";
    }
}
