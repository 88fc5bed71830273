package medic.schedule;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.util.Map;
import medic.store.Database;
import medic.testing.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SchedulerOnH2Test extends SchedulerContract {

    @TempDir
    Path directory;

    @Override
    TestDatabase newTestDatabase() {
        return TestDatabase.h2In(directory);
    }

    @Test
    void refuses_more_job_threads_than_the_pool_can_serve() {
        try (Database small = Database.open(testDatabase.settings().withMaximumPoolSize(5))) {
            ScheduleException refused = assertThrows(ScheduleException.class,
                    () -> Scheduler.start(small, SchedulerSettings.single(3), Map.of()));

            assertEquals("the scheduler's 3 job threads need a database pool of at least 6 connections, but it has 5;"
                    + " raise the pool size or lower the thread count", refused.getMessage());
        }
    }

    @Test
    void refuses_clustering_on_an_embedded_database() {
        ScheduleException refused = assertThrows(ScheduleException.class,
                () -> Scheduler.start(database, SchedulerSettings.clustered(2), Map.of()));

        assertEquals("clustered scheduling needs PostgreSQL: an embedded H2 file serves a single medic process;"
                + " use a jdbc:postgresql:// URL or turn clustering off", refused.getMessage());
    }
}
