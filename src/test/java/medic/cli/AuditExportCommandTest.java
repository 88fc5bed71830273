package medic.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import medic.apply.AuditLog;
import medic.store.Database;
import medic.store.DatabaseSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code medic audit export} prints the audit log as JSON lines, oldest first, secrets redacted. */
class AuditExportCommandTest {

    @Test
    void prints_every_event_as_one_json_line(@TempDir Path dir) throws Exception {
        DatabaseSettings settings = DatabaseSettings.h2File(dir.resolve("medic"));
        try (Database database = Database.open(settings)) {
            AuditLog audit = new AuditLog(database);
            audit.record(Instant.parse("2026-11-24T03:00:00Z"), "U0APPROVER", "edge-1", "p-1", 7L, "ab".repeat(32),
                    "APPROVED", "approved in #ops");
            audit.record(Instant.parse("2026-11-24T03:00:05Z"), "medic", "edge-1", "p-1", 7L, "ab".repeat(32),
                    "DONE_PASSED", "proxy_set_header Authorization \"Bearer abcdefghijklmnopqrstuvwxyz0123\";");
        }
        CliRun run = CliRun.medic("audit", "export", "--db-url", settings.url());

        assertEquals(0, run.exit(), run.err());
        List<String> lines = run.out().lines().toList();
        assertEquals(2, lines.size(), run.out());
        JsonNode first = new ObjectMapper().readTree(lines.get(0));
        assertEquals("APPROVED", first.get("event").asText());
        assertEquals("U0APPROVER", first.get("actor").asText());
        assertTrue(!lines.get(1).contains("abcdefghijklmnopqrstuvwxyz0123"), "the token is redacted: " + lines.get(1));
        assertTrue(run.err().contains("2 event(s)"), run.err());
    }
}
