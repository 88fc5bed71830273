package medic.lifecycle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import medic.nginx.Diagnosis;
import medic.nginx.Diagnostician;
import medic.nginx.config.DiskConfigSource;
import medic.nginx.diagnosis.BackendFacts;
import medic.nginx.model.NginxVersion;
import medic.slack.message.DiagnosisView;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The WebSocket probe holds idle past the proxy_read_timeout the diagnosis found, read from its finding. */
class InventoryProbesTest {

    @Test
    void reads_the_old_read_timeout_from_the_ws06_finding(@TempDir Path dir) throws Exception {
        Path config = dir.resolve("nginx.conf");
        Files.writeString(config, "events {}\nhttp {\n  map $http_upgrade $connection_upgrade { default upgrade; '' close; }\n"
                + "  server {\n    listen 8080;\n    location /ws {\n      proxy_pass http://127.0.0.1:9000;\n"
                + "      proxy_http_version 1.1;\n      proxy_set_header Upgrade $http_upgrade;\n"
                + "      proxy_set_header Connection $connection_upgrade;\n      proxy_read_timeout 7s;\n    }\n  }\n}\n");
        Diagnosis diagnosis = Diagnostician.diagnose(DiskConfigSource.load(config, dir), new byte[0],
                NginxVersion.parse("1.22.1"), BackendFacts.NONE);
        DiagnosisView view = DiagnosisView.of(diagnosis, List.of());
        assertTrue(view.findings().stream().anyMatch(f -> f.rule().equals("WS06")), view.findings().toString());
        assertEquals(Duration.ofSeconds(7), InventoryProbes.oldReadTimeout(view).orElseThrow());
    }

    @Test
    void without_a_diagnosis_there_is_no_old_timeout() {
        assertTrue(InventoryProbes.oldReadTimeout(null).isEmpty());
    }
}
