package medic.cli;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import medic.console.ConsoleSettings;
import medic.server.SettingsException;
import java.util.concurrent.Callable;
import medic.server.Medic;
import medic.server.MedicSettings;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code medic serve}: runs the bot (webhook, Slack, log watcher, scheduled runbooks) until SIGTERM. */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = {"Runs medic as a service: HTTP (/healthz, /readyz, /metrics, Slack, Alertmanager webhook),",
            "the log watcher and scheduled runbook runs, until SIGTERM or Ctrl-C.",
            "Settings: the YAML file, each overridable by an environment variable (deploy/CONFIGURATION.md)."})
public final class ServeCommand implements Callable<Integer> {
    /** The channel the console's incidents belong to when Slack is off. */
    static final String CONSOLE_CHANNEL = "C0MEDICCONSOLE";

    @Option(names = "--config", paramLabel = "FILE",
            description = "settings file (default: $MEDIC_CONFIG, else environment variables and defaults only)")
    Path config;

    /** The local console, off unless MEDIC_CONSOLE_TOKEN (or console.token) is set. */
    private Optional<ConsoleSettings> console(Map<String, String> environment, MedicSettings settings) {
        Optional<String> token = settings.consoleToken();
        if (token.isEmpty()) {
            return Optional.empty();
        }
        String user = settings.consoleUser().orElseThrow(() -> new SettingsException("setting console.user"
                + " (MEDIC_CONSOLE_USER): missing: the console is on (console.token is set), so name the Slack user ID"
                + " its clicks act as"));
        try {
            return Optional.of(new ConsoleSettings(token.get(), user,
                    settings.channel() == null ? CONSOLE_CHANNEL : settings.channel()));
        } catch (IllegalArgumentException e) {
            throw new SettingsException("setting console.token (MEDIC_CONSOLE_TOKEN): " + e.getMessage());
        }
    }

    @Override
    public Integer call() throws InterruptedException {
        Map<String, String> environment = System.getenv();
        MedicSettings settings = MedicSettings.load(MedicSettings.configFile(config, environment), environment);
        Medic medic = Medic.start(settings, List.of(), Clock.systemUTC(), console(environment, settings));
        Runtime.getRuntime().addShutdownHook(new Thread(medic::close, "medic-shutdown"));
        medic.awaitClosed();
        return 0;
    }
}
