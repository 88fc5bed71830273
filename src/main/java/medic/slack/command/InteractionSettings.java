package medic.slack.command;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Map;
import medic.MedicException;

/**
 * Settings of the slash command and the buttons, from flat settings (environment names):
 * <pre>
 * MEDIC_SLACK_COMMAND     the slash command registered in the Slack app   default /medic
 * MEDIC_SNOOZE            how long Snooze silences an incident           default 1h
 * MEDIC_DUPLICATE_WINDOW  the same user's same click counts once within  default 1m
 * MEDIC_GROUP_CACHE_TTL   how long user group members are cached         default 1m
 * </pre>
 * Durations are written {@code 90s}, {@code 30m}, {@code 1h} or ISO-8601 ({@code PT1H}).
 */
public record InteractionSettings(String command, Duration snooze, Duration duplicateWindow, Duration groupCacheTtl) {

    public static final InteractionSettings DEFAULTS = new InteractionSettings("/medic", Duration.ofHours(1),
            Duration.ofMinutes(1), Duration.ofMinutes(1));

    public InteractionSettings {
        if (!command.matches("/[a-z0-9_-]{1,31}")) {
            throw new MedicException("MEDIC_SLACK_COMMAND must look like /medic (lower case, at most 32 "
                    + "characters), got \"" + command + "\"");
        }
    }

    public static InteractionSettings from(Map<String, String> settings) {
        return new InteractionSettings(settings.getOrDefault("MEDIC_SLACK_COMMAND", DEFAULTS.command()),
                duration(settings, "MEDIC_SNOOZE", DEFAULTS.snooze()),
                duration(settings, "MEDIC_DUPLICATE_WINDOW", DEFAULTS.duplicateWindow()),
                duration(settings, "MEDIC_GROUP_CACHE_TTL", DEFAULTS.groupCacheTtl()));
    }

    private static Duration duration(Map<String, String> settings, String name, Duration fallback) {
        String value = settings.get(name);
        if (value == null || value.isBlank()) {
            return fallback;
        }
        String text = value.strip().toLowerCase(Locale.ROOT);
        try {
            Duration duration = text.startsWith("pt") ? Duration.parse(text) : switch (text.charAt(text.length() - 1)) {
                case 's' -> Duration.ofSeconds(Long.parseLong(text.substring(0, text.length() - 1)));
                case 'm' -> Duration.ofMinutes(Long.parseLong(text.substring(0, text.length() - 1)));
                case 'h' -> Duration.ofHours(Long.parseLong(text.substring(0, text.length() - 1)));
                default -> throw new NumberFormatException(value);
            };
            if (duration.isNegative() || duration.isZero()) {
                throw new NumberFormatException(value);
            }
            return duration;
        } catch (NumberFormatException | DateTimeParseException e) {
            throw new MedicException(name + " must be a positive duration such as 90s, 30m or 1h, got \"" + value
                    + "\"");
        }
    }
}
