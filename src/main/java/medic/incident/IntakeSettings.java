package medic.incident;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * How alerts become incidents.
 *
 * @param hostLabels    labels tried in order when no inventory host's matchers pick the alert; each value (with
 *                      a trailing {@code :port} removed) is compared with inventory host names and addresses
 * @param upstreamLabel the label naming the nginx upstream; an alert without it belongs to upstream "*"
 * @param severityLabel the label carrying the severity (critical, warning...)
 * @param reopenWindow  a host and upstream firing again within this time after its incident resolved reopens that
 *                      incident (same Slack thread) instead of opening a new one; zero always opens a new one
 */
public record IntakeSettings(List<String> hostLabels, String upstreamLabel, String severityLabel,
                             Duration reopenWindow) {

    public static final List<String> DEFAULT_HOST_LABELS = List.of("host", "instance");
    public static final String DEFAULT_UPSTREAM_LABEL = "upstream";
    public static final String DEFAULT_SEVERITY_LABEL = "severity";
    public static final Duration DEFAULT_REOPEN_WINDOW = Duration.ofMinutes(15);

    public IntakeSettings {
        hostLabels = List.copyOf(hostLabels);
        Objects.requireNonNull(upstreamLabel, "upstreamLabel");
        Objects.requireNonNull(severityLabel, "severityLabel");
        if (reopenWindow == null || reopenWindow.isNegative()) {
            throw new IllegalArgumentException("reopenWindow must be zero or positive, got " + reopenWindow);
        }
    }

    public static IntakeSettings defaults() {
        return new IntakeSettings(DEFAULT_HOST_LABELS, DEFAULT_UPSTREAM_LABEL, DEFAULT_SEVERITY_LABEL,
                DEFAULT_REOPEN_WINDOW);
    }

    public IntakeSettings withReopenWindow(Duration window) {
        return new IntakeSettings(hostLabels, upstreamLabel, severityLabel, window);
    }
}
