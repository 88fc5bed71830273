package medic.server;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import medic.slack.bolt.FakeSlackApi;
import medic.store.DatabaseSettings;

/**
 * What {@code medic serve} needs in a temporary directory: an inventory with one local-transport host whose error
 * log is a file here, the shipped runbooks, an H2 database, and the environment pointing at a fake Slack.
 */
final class ServeFixture {
    static final Path SEED_LOG = Path.of("src/test/resources/fixtures/seed-incident/error.log");
    static final String WEBHOOK_TOKEN = "medic-test-webhook-token-0123456789";

    final Path dir;
    final Path errorLog;

    ServeFixture(Path dir) throws IOException {
        this.dir = dir;
        this.errorLog = dir.resolve("error.log");
        Files.writeString(errorLog, "2026/11/23 22:59:58 [notice] 21599#21599: signal process started\n");
        Files.writeString(dir.resolve("inventory.yaml"), "hosts:\n  - name: edge-local\n    transport: local\n"
                + "    nginx:\n      error_logs: [" + errorLog + "]\n");
        Path runbooks = Files.createDirectories(dir.resolve("runbooks"));
        Files.copy(Path.of("runbooks/nginx-upstream-reset.yaml"), runbooks.resolve("nginx-upstream-reset.yaml"));
    }

    /** The environment of a medic that listens on a free loopback port and talks to {@code slack}. */
    Map<String, String> environment(FakeSlackApi slack) {
        Map<String, String> env = new HashMap<>();
        env.put("MEDIC_BIND", "127.0.0.1");
        env.put("MEDIC_PORT", "0");
        env.put("MEDIC_DB_URL", DatabaseSettings.h2File(dir.resolve("db/medic")).url());
        env.put("MEDIC_INVENTORY", dir.resolve("inventory.yaml").toString());
        env.put("MEDIC_RUNBOOKS", dir.resolve("runbooks").toString());
        env.put("MEDIC_WEBHOOK_TOKEN", WEBHOOK_TOKEN);
        env.put("MEDIC_CHANNEL", "C0123ABCD");
        env.put("SLACK_BOT_TOKEN", FakeSlackApi.BOT_TOKEN);
        env.put("SLACK_SIGNING_SECRET", FakeSlackApi.SIGNING_SECRET);
        env.put("SLACK_API_URL", slack.apiUrl());
        env.put("MEDIC_WATCH_INTERVAL", "200ms");
        // High enough that the counted lines open no incident: this test is about counting, not runbooks.
        env.put("MEDIC_WATCH_THRESHOLD", "1000");
        env.put("MEDIC_SHUTDOWN_TIMEOUT", "5s");
        return env;
    }

    /** Appends seed-incident lines 4 and 5 (resets reading the header from 127.0.0.1:8080 and :8081) and 20 (a timeout). */
    void appendFailures() throws IOException {
        List<String> seed = Files.readAllLines(SEED_LOG);
        Files.writeString(errorLog, seed.get(3) + "\n" + seed.get(4) + "\n" + seed.get(19) + "\n",
                StandardOpenOption.APPEND);
    }
}
