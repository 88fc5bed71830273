package medic.alert;

import java.nio.file.Path;
import medic.testing.TestDatabase;
import org.junit.jupiter.api.io.TempDir;

class ReplicaWebhooksOnH2Test extends ReplicaWebhooksContract {

    @TempDir
    Path directory;

    @Override
    TestDatabase newTestDatabase() {
        return TestDatabase.h2In(directory);
    }
}
