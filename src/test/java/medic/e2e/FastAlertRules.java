package medic.e2e;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * deploy/prometheus/medic-alerts.yml made fast enough for CI: {@code for: 1m} becomes {@code for: 2s} and the
 * {@code [5m]} window {@code [1m]}. Nothing else may differ: {@link #restored} maps the copy back, and the test
 * checks it equals deploy's file, so the alert CI exercises is the one operators install.
 */
final class FastAlertRules {
    static final Path DEPLOYED = Path.of("deploy/prometheus/medic-alerts.yml");
    private static final String SLOW_FOR = "for: 1m";
    private static final String FAST_FOR = "for: 2s";
    private static final String SLOW_WINDOW = "[5m]";
    private static final String FAST_WINDOW = "[1m]";

    private FastAlertRules() {
    }

    static String deployed() throws IOException {
        return Files.readString(DEPLOYED);
    }

    /** The fast copy; fails when deploy's file no longer has what is replaced (or already has the fast values). */
    static String fast(String deployed) {
        for (String needed : new String[] {SLOW_FOR, SLOW_WINDOW}) {
            if (!deployed.contains(needed)) {
                throw new IllegalStateException(DEPLOYED + " no longer contains \"" + needed
                        + "\": update FastAlertRules to the new duration");
            }
        }
        for (String unexpected : new String[] {FAST_FOR, FAST_WINDOW}) {
            if (deployed.contains(unexpected)) {
                throw new IllegalStateException(DEPLOYED + " already contains \"" + unexpected
                        + "\": the fast copy could not be mapped back; pick other test durations");
            }
        }
        return deployed.replace(SLOW_FOR, FAST_FOR).replace(SLOW_WINDOW, FAST_WINDOW);
    }

    /** The fast copy with the durations put back. */
    static String restored(String fast) {
        return fast.replace(FAST_FOR, SLOW_FOR).replace(FAST_WINDOW, SLOW_WINDOW);
    }

    static Path write(Path dir) throws IOException {
        return Files.writeString(dir.resolve("medic-alerts.fast.yml"), fast(deployed()));
    }
}
