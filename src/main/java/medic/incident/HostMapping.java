package medic.incident;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import medic.inventory.HostEntry;
import medic.inventory.Inventory;

/**
 * Decides which inventory host and upstream an alert is about: first the hosts' own label matchers
 * ({@link HostEntry#matches}), then the configured host labels compared with host names and addresses.
 * Exactly one host must result; none or several make the alert an unknown-host alert, with the reason.
 */
public final class HostMapping {

    /** The outcome for one alert: its incident key, or why no single host was found. */
    public sealed interface Result {
    }

    public record Known(IncidentKey key) implements Result {
    }

    public record Unknown(String upstream, String reason) implements Result {
    }

    private static final int MAX_UPSTREAM = 255;

    private final Inventory inventory;
    private final IntakeSettings settings;

    public HostMapping(Inventory inventory, IntakeSettings settings) {
        this.inventory = inventory;
        this.settings = settings;
    }

    public Result map(Map<String, String> labels) {
        String upstream = upstreamOf(labels);
        List<HostEntry> matched = inventory.match(labels);
        if (matched.size() == 1) {
            return new Known(new IncidentKey(matched.get(0).name(), upstream));
        }
        for (String label : settings.hostLabels()) {
            String value = labels.get(label);
            if (value == null || value.isBlank()) {
                continue;
            }
            List<HostEntry> named = (matched.isEmpty() ? inventory.hosts() : matched).stream()
                    .filter(host -> names(host, withoutPort(value.trim())))
                    .toList();
            if (named.size() == 1) {
                return new Known(new IncidentKey(named.get(0).name(), upstream));
            }
        }
        return new Unknown(upstream, matched.isEmpty() ? noHostReason(labels) : severalReason(matched));
    }

    private String upstreamOf(Map<String, String> labels) {
        String value = labels.get(settings.upstreamLabel());
        if (value == null || value.isBlank()) {
            return IncidentKey.ANY_UPSTREAM;
        }
        // The incidents table keeps 255 characters; a longer name is cut the same way every time.
        return value.length() <= MAX_UPSTREAM ? value : value.substring(0, MAX_UPSTREAM);
    }

    private String noHostReason(Map<String, String> labels) {
        String tried = settings.hostLabels().stream()
                .map(label -> label + (labels.containsKey(label) ? "=\"" + labels.get(label) + "\"" : " (absent)"))
                .reduce((a, b) -> a + ", " + b).orElse("none configured");
        return "no inventory host's alert_labels match this alert, and no host name or address equals its host"
                + " labels (" + tried + "); add alert_labels to the host in the inventory";
    }

    private static String severalReason(List<HostEntry> matched) {
        return "the alert matches " + matched.size() + " inventory hosts (" + String.join(", ",
                matched.stream().map(HostEntry::name).toList()) + ") and no host label picks one;"
                + " make their alert_labels tell them apart";
    }

    private static boolean names(HostEntry host, String value) {
        return host.name().equalsIgnoreCase(value)
                || Optional.ofNullable(host.address()).map(address -> address.equalsIgnoreCase(value)).orElse(false);
    }

    /** {@code edge-1:9113} -> {@code edge-1}, {@code [2001:db8::1]:9113} -> {@code 2001:db8::1}; a bare IPv6 stays. */
    static String withoutPort(String value) {
        if (value.startsWith("[")) {
            int close = value.indexOf(']');
            return close > 0 ? value.substring(1, close) : value;
        }
        int colon = value.lastIndexOf(':');
        if (colon > 0 && value.indexOf(':') == colon && value.substring(colon + 1).chars().allMatch(Character::isDigit)) {
            return value.substring(0, colon);
        }
        return value;
    }
}
