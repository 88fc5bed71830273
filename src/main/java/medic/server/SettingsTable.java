package medic.server;

import java.util.stream.Collectors;

/** The configuration table of the README and deploy/CONFIGURATION.md, written from {@link SettingCatalog}. */
public final class SettingsTable {
    private SettingsTable() {
    }

    /** One Markdown row per setting: YAML key, environment variable, default, meaning. */
    public static String markdown() {
        return "| setting (YAML) | environment variable | default | meaning |\n"
                + "|---|---|---|---|\n"
                + SettingCatalog.ALL.stream().map(SettingsTable::row).collect(Collectors.joining("\n")) + "\n";
    }

    private static String row(Setting setting) {
        String shown = setting.defaultValue() == null ? "(unset)"
                : setting.defaultValue().isEmpty() ? "(empty)" : "`" + setting.defaultValue() + "`";
        return "| `" + setting.path() + "` | `" + setting.env() + "` | " + shown + " | "
                + setting.meaning().replace("|", "\\|") + (setting.secret() ? " (secret: never printed)" : "") + " |";
    }

    public static void main(String[] args) {
        System.out.print(markdown());
    }
}
