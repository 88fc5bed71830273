package medic.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import medic.testing.TestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Migrations on an empty database and on restarts; run by one subclass per vendor. */
abstract class DatabaseContract {

    private TestDatabase testDatabase;

    /** The vendor's migration scripts, counted in the source tree: each must be applied once. */
    private static int migrationScripts(Vendor vendor) {
        String[] scripts = new java.io.File("src/main/resources/" + vendor.migrationLocation()).list(
                (dir, name) -> name.matches("V\\d+__.*\\.sql"));
        assertTrue(scripts != null && scripts.length >= 3, "migration scripts of " + vendor);
        return scripts.length;
    }

    abstract TestDatabase newTestDatabase();

    @BeforeEach
    void createEmptyDatabase() {
        testDatabase = newTestDatabase();
    }

    @AfterEach
    void dropDatabase() {
        testDatabase.close();
    }

    @Test
    void applies_every_migration_to_an_empty_database() throws SQLException {
        try (Database database = Database.open(testDatabase.settings())) {
            assertEquals(migrationScripts(database.vendor()), database.migrationsApplied());
            for (String table : List.of("runs", "run_steps", "log_cursors", "QRTZ_JOB_DETAILS", "QRTZ_TRIGGERS",
                    "QRTZ_FIRED_TRIGGERS",
                    "QRTZ_LOCKS", "QRTZ_SCHEDULER_STATE")) {
                assertEquals(0, countRows(database, table), table);
            }
        }
    }

    @Test
    void applies_nothing_again_on_a_restart_and_keeps_the_data() {
        long runId;
        try (Database first = Database.open(testDatabase.settings())) {
            runId = new RunStore(first).createRun(new NewRun("nginx-upstream-reset", "web-1",
                    RunTrigger.manual("alice"), false)).id();
        }
        try (Database second = Database.open(testDatabase.settings())) {
            assertEquals(0, second.migrationsApplied());
            assertTrue(new RunStore(second).run(runId).isPresent());
        }
    }

    @Test
    void lets_two_instances_share_one_database_like_two_replicas() {
        try (Database first = Database.open(testDatabase.settings());
                Database second = Database.open(testDatabase.settings())) {
            long runId = new RunStore(first).createRun(new NewRun("restart", "web-1", RunTrigger.manual("bob"), true))
                    .id();

            assertEquals(0, second.migrationsApplied());
            assertEquals(RunStatus.QUEUED, new RunStore(second).run(runId).orElseThrow().status());
        }
    }

    @Test
    void keeps_working_after_a_thread_is_interrupted_mid_write() {
        try (Database database = Database.open(testDatabase.settings())) {
            RunStore store = new RunStore(database);
            Thread.currentThread().interrupt();
            try {
                store.createRun(new NewRun("restart", "web-1", RunTrigger.manual("carol"), false));
            } catch (StoreException e) {
                // Either outcome is fine for this write; what matters is the next one.
            } finally {
                Thread.interrupted();
            }

            Run after = store.createRun(new NewRun("restart", "web-1", RunTrigger.manual("carol"), false));

            assertTrue(store.run(after.id()).isPresent());
        }
    }

    @Test
    void knows_its_vendor_from_the_url() {
        try (Database database = Database.open(testDatabase.settings())) {
            assertEquals(testDatabase.vendorName().equals("H2") ? Vendor.H2 : Vendor.POSTGRESQL, database.vendor());
        }
    }

    private static long countRows(Database database, String table) throws SQLException {
        try (Connection connection = database.dataSource().getConnection();
                Statement statement = connection.createStatement();
                ResultSet count = statement.executeQuery("SELECT COUNT(*) FROM " + table)) {
            count.next();
            return count.getLong(1);
        }
    }
}
