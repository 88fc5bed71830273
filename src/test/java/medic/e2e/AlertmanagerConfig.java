package medic.e2e;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * deploy/alertmanager/alertmanager.yml pointed at the test's medic: the webhook URL and the token file replaced,
 * group_wait and group_interval shortened. Every replaced text must be present, so a change to deploy's file
 * that this test would silently stop exercising fails here instead.
 */
final class AlertmanagerConfig {
    static final Path DEPLOYED = Path.of("deploy/alertmanager/alertmanager.yml");

    private AlertmanagerConfig() {
    }

    static String forTest(int medicPort, Path tokenFile) throws IOException {
        String config = Files.readString(DEPLOYED);
        config = replace(config, "url: http://medic:8080/hooks/alertmanager",
                "url: http://127.0.0.1:" + medicPort + "/hooks/alertmanager");
        config = replace(config, "credentials_file: /etc/alertmanager/medic-webhook-token",
                "credentials_file: " + tokenFile);
        config = replace(config, "group_wait: 10s", "group_wait: 1s");
        return replace(config, "group_interval: 1m", "group_interval: 2s");
    }

    private static String replace(String config, String deployed, String test) {
        if (!config.contains(deployed)) {
            throw new IllegalStateException(DEPLOYED + " no longer contains \"" + deployed
                    + "\": update medic.e2e.AlertmanagerConfig");
        }
        return config.replace(deployed, test);
    }
}
