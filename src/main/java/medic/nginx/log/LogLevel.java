package medic.nginx.log;

import java.util.Optional;

/** nginx error-log severity, ordered from least to most severe (nginx numbers them the other way round). */
public enum LogLevel {
    DEBUG("debug"),
    INFO("info"),
    NOTICE("notice"),
    WARN("warn"),
    ERROR("error"),
    CRIT("crit"),
    ALERT("alert"),
    EMERG("emerg");

    private static final LogLevel[] VALUES = values();

    private final String nginxName;

    LogLevel(String nginxName) {
        this.nginxName = nginxName;
    }

    /** The word nginx writes between the brackets, e.g. {@code error}. */
    public String nginxName() {
        return nginxName;
    }

    public boolean isAtLeast(LogLevel other) {
        return compareTo(other) >= 0;
    }

    public static Optional<LogLevel> fromNginxName(CharSequence name) {
        for (LogLevel level : VALUES) {
            if (level.nginxName.contentEquals(name)) {
                return Optional.of(level);
            }
        }
        return Optional.empty();
    }

    /** The level named by {@code text[from, to)}, or null; no copying (the parser calls it for every line). */
    static LogLevel at(String text, int from, int to) {
        if (to <= from) {
            return null;
        }
        LogLevel level = switch (text.charAt(from)) {
            case 'd' -> DEBUG;
            case 'i' -> INFO;
            case 'n' -> NOTICE;
            case 'w' -> WARN;
            case 'e' -> to - from > 1 && text.charAt(from + 1) == 'm' ? EMERG : ERROR;
            case 'c' -> CRIT;
            case 'a' -> ALERT;
            default -> null;
        };
        return level != null && level.nginxName.length() == to - from && text.startsWith(level.nginxName, from)
            ? level : null;
    }
}
