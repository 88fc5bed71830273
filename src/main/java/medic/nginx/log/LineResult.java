package medic.nginx.log;

import java.util.Objects;
import java.util.Optional;

/**
 * The outcome of parsing one line: its kind, the parsed entry for PARSED and TRUNCATED lines, and for the other
 * kinds a sentence saying what is wrong. {@code syslogPrefixed} is set when a syslog header was stripped first.
 */
public record LineResult(LineKind kind, long lineNumber, ErrorLogLine line, String problem, boolean syslogPrefixed) {
    public LineResult {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(problem, "problem");
        if (kind.hasEntry() != (line != null)) {
            throw new IllegalArgumentException(
                kind + " line must " + (kind.hasEntry() ? "" : "not ") + "carry an entry");
        }
    }

    static LineResult rejected(LineKind kind, long lineNumber, String problem, boolean syslogPrefixed) {
        return new LineResult(kind, lineNumber, null, problem, syslogPrefixed);
    }

    public Optional<ErrorLogLine> entry() {
        return Optional.ofNullable(line);
    }

    public FailureClass failureClass() {
        return line == null ? FailureClass.OTHER : line.failureClass();
    }
}
