package medic.incident;

import java.time.Instant;
import java.util.List;
import medic.inventory.Inventory;
import medic.store.Database;
import medic.testing.ManualClock;
import medic.testing.TestDatabase;
import medic.testing.TestResources;

/** A migrated database with alert intake, the incident store, a manual clock and a recording flow. */
public final class IntakeFixture implements AutoCloseable {

    public static final Instant START = Instant.parse("2024-05-01T12:00:05Z");

    public final TestDatabase testDatabase;
    public final Database database;
    public final ManualClock clock = new ManualClock(START);
    public final RecordingEvents events = new RecordingEvents();
    public final IncidentStore store;
    public final AlertIntake intake;

    public IntakeFixture(TestDatabase testDatabase) {
        this(testDatabase, IntakeSettings.defaults());
    }

    public IntakeFixture(TestDatabase testDatabase, IntakeSettings settings) {
        this.testDatabase = testDatabase;
        this.database = Database.open(testDatabase.settings());
        this.store = new IncidentStore(database);
        this.intake = new AlertIntake(database, new HostMapping(inventory(), settings), settings, events, clock);
    }

    public static Inventory inventory() {
        return Inventory.load(TestResources.path("alertmanager/inventory.yaml"));
    }

    public IntakeResult accept(Alert... alerts) {
        return intake.accept(List.of(alerts));
    }

    /** How many alert occurrences the database holds. */
    public int storedAlerts() {
        return StoredCounts.alerts(database);
    }

    public int storedIncidents() {
        return StoredCounts.incidents(database);
    }

    @Override
    public void close() {
        database.close();
        testDatabase.close();
    }
}
