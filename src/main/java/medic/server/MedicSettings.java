package medic.server;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import medic.schedule.SchedulerSettings;
import medic.slack.bolt.SlackSettings;
import medic.store.DatabaseSettings;

/**
 * Everything {@code medic serve} is told, checked for consistency before anything starts. Values print without
 * their secrets.
 *
 * @param slack   empty when no bot token is set: medic runs without Slack
 * @param channel the channel ID incidents are posted to (null without Slack)
 */
public record MedicSettings(HttpSettings http, DatabaseSettings database, Path inventory, Path runbooks,
        WebhookSettings webhook, Optional<SlackSettings> slack, String channel, SchedulerSettings scheduler,
        WatchSettings watch, AccessSettings access, AlertLabels alerts, ApplySettings apply, ConsoleAccess console) {

    /** The console's login token, when the console is on. */
    public Optional<String> consoleToken() {
        return Optional.ofNullable(console.token());
    }

    /** The Slack user ID the console acts as. */
    public Optional<String> consoleUser() {
        return Optional.ofNullable(console.user());
    }

    /**
     * Reads and checks the settings.
     *
     * @param file        the YAML file ({@code --config} or {@code MEDIC_CONFIG}), or empty
     * @param environment the process environment (overrides the file)
     * @throws SettingsException one line naming the setting that is missing, unusable or contradicts another
     * @throws medic.inventory.yaml.ConfigFileException every problem of the file, one per line
     */
    public static MedicSettings load(Optional<Path> file, Map<String, String> environment) {
        return SettingsChecks.check(SettingsLoader.load(file, environment));
    }

    /** The file {@code --config} names, else {@code MEDIC_CONFIG}, else none. */
    public static Optional<Path> configFile(Path option, Map<String, String> environment) {
        if (option != null) {
            return Optional.of(option);
        }
        return Optional.ofNullable(environment.get(SettingCatalog.CONFIG_ENV)).filter(value -> !value.isBlank())
                .map(Path::of);
    }
}
