package medic.slack.message;

import java.time.Duration;

/** One verify probe's result (WebSocket held past the old timeout, error-log recheck, HTTP health). */
public record Verification(String probe, boolean passed, String detail, Duration elapsed) { }
