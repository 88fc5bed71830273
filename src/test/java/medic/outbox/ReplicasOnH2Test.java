package medic.outbox;

import java.nio.file.Path;
import medic.testing.TestDatabase;
import org.junit.jupiter.api.io.TempDir;

class ReplicasOnH2Test extends ReplicasContract {

    @TempDir
    Path directory;

    @Override
    TestDatabase newTestDatabase() {
        return TestDatabase.h2In(directory);
    }
}
