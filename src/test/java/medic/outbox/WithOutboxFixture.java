package medic.outbox;

import java.nio.file.Path;
import medic.testing.TestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/** The outbox tests' lifecycle: each test gets an {@link OutboxFixture} on a fresh H2 database, closed after it. */
abstract class WithOutboxFixture {
    @TempDir
    Path directory;
    OutboxFixture fixture;

    @BeforeEach
    void openFixture() {
        fixture = new OutboxFixture(TestDatabase.h2In(directory));
    }

    @AfterEach
    void closeFixture() throws Exception {
        fixture.close();
    }
}
