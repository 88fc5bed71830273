package medic.server;

import java.util.Objects;

/**
 * One setting of {@code medic serve}: where it sits in the YAML file, the environment variable that overrides it,
 * its kind, its default (null: unset) and what it means. Secrets are never printed.
 */
public record Setting(String path, String env, SettingKind kind, String defaultValue, boolean secret,
        String meaning) {
    public Setting {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(env, "env");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(meaning, "meaning");
    }

    /** How messages name it: {@code webhook.token (MEDIC_WEBHOOK_TOKEN)}. */
    public String label() {
        return path + " (" + env + ")";
    }
}
