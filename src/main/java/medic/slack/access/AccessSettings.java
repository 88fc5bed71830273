package medic.slack.access;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Builds the access policy from flat settings (environment variables, or the YAML keys the configuration
 * loader flattens to them): one grant per action, IDs comma-separated. Unset means nobody.
 * <pre>
 * MEDIC_DIAGNOSE_CHANNELS / _USERS / _GROUPS   who may diagnose, re-run, snooze, see status and history
 * MEDIC_APPROVE_CHANNELS  / _USERS / _GROUPS   who may approve, reject and roll back
 * MEDIC_FOUR_EYES          true (default) or false
 * MEDIC_ACCESS_CONTACT     whom denials tell people to ask (default "medic's operators")
 * </pre>
 */
public final class AccessSettings {

    public static final String DEFAULT_CONTACT = "medic's operators";

    private AccessSettings() {
    }

    public static AccessPolicy policy(Map<String, String> settings) {
        return new AccessPolicy(grant(settings, "DIAGNOSE"), grant(settings, "APPROVE"),
                fourEyes(settings.get("MEDIC_FOUR_EYES")),
                settings.getOrDefault("MEDIC_ACCESS_CONTACT", DEFAULT_CONTACT));
    }

    private static List<Grant> grant(Map<String, String> settings, String action) {
        String prefix = "MEDIC_" + action + "_";
        Set<String> channels = ids(settings.get(prefix + "CHANNELS"));
        Set<String> users = ids(settings.get(prefix + "USERS"));
        Set<String> groups = ids(settings.get(prefix + "GROUPS"));
        if (channels.isEmpty() && users.isEmpty() && groups.isEmpty()) {
            return List.of();
        }
        return List.of(new Grant(prefix.substring(0, prefix.length() - 1), channels, users, groups));
    }

    private static boolean fourEyes(String value) {
        if (value == null || value.isBlank() || value.strip().equalsIgnoreCase("true")) {
            return true;
        }
        if (value.strip().equalsIgnoreCase("false")) {
            return false;
        }
        throw new AccessConfigException("MEDIC_FOUR_EYES must be true or false, got \"" + value + "\"");
    }

    private static Set<String> ids(String commaSeparated) {
        if (commaSeparated == null || commaSeparated.isBlank()) {
            return Set.of();
        }
        return new LinkedHashSet<>(Arrays.stream(commaSeparated.split(",")).map(String::strip)
                .filter(id -> !id.isEmpty()).toList());
    }
}
