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

    static LogLevel ofOrdinal(int ordinal) {
        return VALUES[ordinal];
    }
}
