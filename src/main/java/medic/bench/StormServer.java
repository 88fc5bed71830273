package medic.bench;

import io.javalin.Javalin;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import medic.alert.AlertmanagerWebhook;
import medic.alert.WebhookAuth;
import medic.incident.AlertIntake;
import medic.incident.HostMapping;
import medic.incident.IntakeSettings;
import medic.store.Database;
import medic.store.DatabaseSettings;

/**
 * The alert-storm server alone, for an outside load generator (wrk): writes {@code count} storm payloads (the
 * same flapping fleet as {@link AlertStormBench}) as files {@code DIR/0.json...}, then serves the webhook on
 * H2 embedded defaults until killed, printing its port. Keeps the load generator's CPU out of the server's JVM.
 *
 * <p>Run: {@code java -cp ... medic.bench.StormServer DIR [count=32500]}, then wrk with src/bench/storm.lua.
 */
public final class StormServer {
    static final String TOKEN = "storm-token";

    public static void main(String[] args) throws Exception {
        Path out = Path.of(args[0]);
        int count = args.length > 1 ? Integer.parseInt(args[1]) : 32_500;
        Files.createDirectories(out);
        StormFleet fleet = new StormFleet(20, 2_000, Instant.now());
        for (int k = 0; k < count; k++) {
            List<StormFleet.AlertState> states = fleet.request(k, 10, Instant.now());
            Files.writeString(out.resolve(k + ".json"), fleet.payload(states, states.get(0).group()));
        }
        IntakeSettings settings = IntakeSettings.defaults();
        Database database = Database.open(DatabaseSettings.h2File(Files.createTempDirectory("medic-storm-server")
                .resolve("medic")));
        StormEvents events = new StormEvents();
        AlertIntake intake = new AlertIntake(database, new HostMapping(fleet.inventory(), settings), settings, events,
                Clock.systemUTC());
        AlertmanagerWebhook webhook = new AlertmanagerWebhook(new WebhookAuth(TOKEN, null, null),
                AlertmanagerWebhook.DEFAULT_MAX_BODY_BYTES, intake);
        Javalin app = Javalin.create(config -> config.routes.post(AlertmanagerWebhook.PATH, webhook))
                .start("127.0.0.1", 0);
        System.out.println("storm server on port " + app.port() + ", " + count + " payloads in " + out);
        Thread.currentThread().join();
    }
}
