package medic.nginx.log;

/** What a line of an error-log file turned out to be. */
public enum LineKind {
    /** An nginx error-log line with every field it started. */
    PARSED,
    /** An nginx line cut short (nginx stops at 2047 bytes); its fields so far are kept and classified. */
    TRUNCATED,
    /** Starts like nginx's layout but breaks it: bad timestamp, unknown level, missing {@code PID#TID}. */
    GARBLED,
    /** Not an nginx error-log line: another program's output, a stack trace, free text. */
    FOREIGN,
    /** Empty or only whitespace. */
    BLANK;

    public boolean hasEntry() {
        return this == PARSED || this == TRUNCATED;
    }
}
