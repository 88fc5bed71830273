package medic.watch;

import medic.testing.ManualClock;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import medic.store.Database;
import medic.testing.TestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The cursor table on each database vendor: absent, stored, replaced, kept per host and path, kept over a reopen. */
abstract class CursorStoreContract {
    private final ManualClock clock = new ManualClock(Instant.parse("2026-11-23T23:00:00Z"));
    private TestDatabase testDatabase;

    abstract TestDatabase newTestDatabase();

    @BeforeEach
    void create() {
        testDatabase = newTestDatabase();
    }

    @AfterEach
    void drop() {
        testDatabase.close();
    }

    @Test
    void a_log_never_read_has_a_fresh_cursor() {
        try (Database database = Database.open(testDatabase.settings())) {
            CursorStore store = new CursorStore(database, clock);
            assertTrue(store.find("web-1", "/var/log/nginx/error.log").isEmpty());
            assertTrue(store.load("web-1", "/var/log/nginx/error.log").isFresh());
        }
    }

    @Test
    void a_saved_cursor_is_replaced_by_the_next_and_survives_a_reopen() {
        LogCursor first = new LogCursor("web-1", "/var/log/nginx/error.log", "1234", 100);
        LogCursor other = new LogCursor("web-2", "/var/log/nginx/error.log", "77", 5);
        try (Database database = Database.open(testDatabase.settings())) {
            CursorStore store = new CursorStore(database, clock);
            store.save(first);
            store.save(other);
            store.save(first.at("1234", 4096));
        }
        try (Database database = Database.open(testDatabase.settings())) {
            CursorStore store = new CursorStore(database, clock);
            assertEquals(first.at("1234", 4096), store.load("web-1", "/var/log/nginx/error.log"));
            assertEquals(other, store.load("web-2", "/var/log/nginx/error.log"));
        }
    }

    @Test
    void a_read_is_recorded_with_the_cursor_it_moves_and_only_from_where_the_cursor_still_is() {
        LogCursor fresh = LogCursor.fresh("web-1", "/var/log/nginx/error.log");
        LogCursor first = fresh.at("1234", 100);
        try (Database database = Database.open(testDatabase.settings())) {
            CursorStore store = new CursorStore(database, clock);
            assertTrue(store.advance(fresh, first, 0, "replica-a"));
            assertFalse(store.advance(fresh, fresh.at("1234", 90), 0, "replica-b"), "a second first read loses");
            assertTrue(store.advance(first, first.at("1234", 300), 3, "replica-a"));
            // A replica presumed dead comes back with the cursor it loaded before: its read is not counted.
            assertFalse(store.advance(first, first.at("1234", 300), 3, "replica-b"));
            assertEquals(first.at("1234", 300), store.load("web-1", "/var/log/nginx/error.log"));
            StormLedger ledger = new StormLedger(database);
            assertEquals(3, ledger.window("web-1", clock.instant().minusSeconds(60), 0).failures(),
                    "the three failures once, not six");
        }
    }
}
