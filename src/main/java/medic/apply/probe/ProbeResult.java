package medic.apply.probe;

import java.time.Duration;

/** What a probe saw: passed or not, a sentence saying why, and how long it took. */
public record ProbeResult(String probe, boolean passed, String detail, Duration elapsed) {
}
