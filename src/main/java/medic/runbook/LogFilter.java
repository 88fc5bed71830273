package medic.runbook;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Which error-log lines an {@code error_log} step keeps. {@code upstream_failures} keeps the messages nginx
 * writes for upstream trouble (resets, early closes, timeouts, refused or failed connects, no live upstreams,
 * disabled servers, oversized headers, exhausted worker connections), matched as fixed text.
 */
public enum LogFilter {
    NONE(List.of()),
    UPSTREAM_FAILURES(List.of(
            "Connection reset by peer",
            "Broken pipe",
            "upstream prematurely closed connection",
            "upstream timed out",
            "connect() failed",
            "Connection refused",
            "no live upstreams",
            "upstream server temporarily disabled",
            "upstream sent too big header",
            "worker_connections are not enough"));

    private final List<String> fixedStrings;

    LogFilter(List<String> fixedStrings) {
        this.fixedStrings = fixedStrings;
    }

    /** The texts a kept line contains at least one of; empty for {@link #NONE} (every line is kept). */
    public List<String> fixedStrings() {
        return fixedStrings;
    }

    public String yamlName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<LogFilter> fromYaml(String name) {
        for (LogFilter filter : values()) {
            if (filter.yamlName().equals(name)) {
                return Optional.of(filter);
            }
        }
        return Optional.empty();
    }
}
