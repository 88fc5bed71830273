package medic.nginx.log;

/**
 * Bounds that keep a scan's memory flat however large the log: distinct keys tracked per breakdown, keys listed
 * in the summary, sample lines per class, characters per sample, and the window of recent connections watched
 * for retries.
 */
public record ScanLimits(int distinctKeys, int listedKeys, int samplesPerClass, int sampleChars, int retryWindow,
                         int listedRetries) {
    public static final ScanLimits DEFAULTS = new ScanLimits(100_000, 1_000, 5, 300, 100_000, 50);

    public ScanLimits {
        if (distinctKeys < 1 || listedKeys < 1 || samplesPerClass < 0 || sampleChars < 1 || retryWindow < 1
            || listedRetries < 0) {
            throw new IllegalArgumentException("scan limits must be positive (samples and listed retries may be 0): "
                + distinctKeys + ", " + listedKeys + ", " + samplesPerClass + ", " + sampleChars + ", " + retryWindow
                + ", " + listedRetries);
        }
    }
}
