package medic.store;

import medic.testing.ManualClock;
import java.time.Duration;
import java.time.Instant;
import medic.testing.TestDatabase;

/** One test database opened with a manual clock, plus shorthands for the runs the store tests create. */
final class StoreFixture implements AutoCloseable {

    static final Instant START = Instant.parse("2025-03-14T09:26:53.123456Z");

    final TestDatabase testDatabase;
    final Database database;
    final ManualClock clock = new ManualClock(START);
    final RunStore store;

    StoreFixture(TestDatabase testDatabase) {
        this.testDatabase = testDatabase;
        this.database = Database.open(testDatabase.settings());
        this.store = new RunStore(database, clock);
    }

    Run queue(String host, boolean mutating) {
        return store.createRun(new NewRun("nginx-upstream-reset", host, RunTrigger.alert("fp-" + host), mutating));
    }

    Run started(String host, boolean mutating) {
        Run run = queue(host, mutating);
        return ((RunStart.Started) store.startRun(run.id(), "replica-a")).run();
    }

    StepResult step(int index, StepStatus status, Integer exitCode, String stdout) {
        Instant started = clock.instant();
        clock.advance(Duration.ofMillis(250));
        return new StepResult(index, "step " + index, "command", status, exitCode, stdout, "", started,
                clock.instant());
    }

    @Override
    public void close() {
        database.close();
        testDatabase.close();
    }
}
