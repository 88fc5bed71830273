package medic.server;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The value types of medic's settings, and how each is written as text (in an environment variable). */
public enum SettingKind {
    TEXT("text"),
    WHOLE_NUMBER("a whole number"),
    BOOLEAN("true or false"),
    DURATION("a duration such as 500ms, 30s, 5m or 2h"),
    LIST("a list (in an environment variable: comma-separated)");

    private static final Pattern DURATION_TEXT = Pattern.compile("([0-9]{1,9})(ms|s|m|h|d)");

    private final String expected;

    SettingKind(String expected) {
        this.expected = expected;
    }

    /** What a value of this kind looks like, for messages. */
    public String expected() {
        return expected;
    }

    /**
     * The value {@code text} stands for.
     *
     * @throws IllegalArgumentException saying what was expected
     */
    public Object parse(String text) {
        String value = text.strip();
        return switch (this) {
            case TEXT -> value;
            case WHOLE_NUMBER -> {
                if (!value.matches("[+-]?[0-9]{1,18}")) {
                    throw new IllegalArgumentException("expected " + expected + ", found \"" + text + "\"");
                }
                yield Long.parseLong(value);
            }
            case BOOLEAN -> switch (value.toLowerCase(Locale.ROOT)) {
                case "true", "yes", "on", "1" -> true;
                case "false", "no", "off", "0" -> false;
                default -> throw new IllegalArgumentException("expected " + expected + ", found \"" + text + "\"");
            };
            case DURATION -> duration(value);
            case LIST -> Arrays.stream(value.split(",")).map(String::strip).filter(item -> !item.isEmpty()).toList();
        };
    }

    private Duration duration(String value) {
        Matcher matcher = DURATION_TEXT.matcher(value);
        if (!matcher.matches()) {
            throw new IllegalArgumentException("expected " + expected + ", found \"" + value + "\"");
        }
        long amount = Long.parseLong(matcher.group(1));
        return switch (matcher.group(2)) {
            case "ms" -> Duration.ofMillis(amount);
            case "s" -> Duration.ofSeconds(amount);
            case "m" -> Duration.ofMinutes(amount);
            case "h" -> Duration.ofHours(amount);
            default -> Duration.ofDays(amount);
        };
    }

    /** The default written in the catalog, as a value. */
    Object parseDefault(String text) {
        return this == LIST && text.isEmpty() ? List.of() : parse(text);
    }
}
