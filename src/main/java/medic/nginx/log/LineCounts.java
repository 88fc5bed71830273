package medic.nginx.log;

/** How many lines of each {@link LineKind} a log held; {@code total} is their sum. */
public record LineCounts(long total, long parsed, long truncated, long garbled, long foreign, long blank) {
    public long get(LineKind kind) {
        return switch (kind) {
            case PARSED -> parsed;
            case TRUNCATED -> truncated;
            case GARBLED -> garbled;
            case FOREIGN -> foreign;
            case BLANK -> blank;
        };
    }
}
