package medic.apply.recheck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import medic.remote.LocalHost;
import medic.schedule.TaskRun;
import medic.testing.TestResources;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The recheck reads only what the log gained since the apply, and reopens on upstream failures. */
class ErrorLogRecheckTest {

    @TempDir
    Path dir;

    @Test
    void resolves_when_only_old_failures_are_in_the_log_and_reopens_on_new_ones() throws Exception {
        Path log = dir.resolve("error.log");
        String captured = Files.readString(TestResources.path("logs/captured/a-reset-reading-header.error.log"));
        Files.writeString(log, captured);
        List<RecheckOutcome> heard = new CopyOnWriteArrayList<>();
        ErrorLogRecheck recheck = new ErrorLogRecheck(LocalHost::new, heard::add);
        long offset = ErrorLogRecheck.size(new LocalHost("edge-1"), log.toString());

        recheck.run(new TaskRun("recheck-change-7", Map.of("change", "7", "host", "edge-1", "log", log.toString(),
                "offset", Long.toString(offset)), false, "test"));
        Files.writeString(log, captured + captured);
        recheck.run(new TaskRun("recheck-change-7", Map.of("change", "7", "host", "edge-1", "log", log.toString(),
                "offset", Long.toString(offset)), false, "test"));

        assertTrue(heard.get(0).resolved());
        assertFalse(heard.get(1).resolved());
        assertTrue(heard.get(1).failures() > 0);
        assertTrue(heard.get(1).samples().get(0).contains("Connection reset by peer"), heard.get(1).toString());
        assertEquals(7, heard.get(1).changeId());
    }
}
