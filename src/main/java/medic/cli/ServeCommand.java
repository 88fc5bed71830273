package medic.cli;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
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
    @Option(names = "--config", paramLabel = "FILE",
            description = "settings file (default: $MEDIC_CONFIG, else environment variables and defaults only)")
    Path config;

    @Override
    public Integer call() throws InterruptedException {
        Map<String, String> environment = System.getenv();
        MedicSettings settings = MedicSettings.load(MedicSettings.configFile(config, environment), environment);
        Medic medic = Medic.start(settings, List.of(), Clock.systemUTC());
        Runtime.getRuntime().addShutdownHook(new Thread(medic::close, "medic-shutdown"));
        medic.awaitClosed();
        return 0;
    }
}
