package medic.slack.action;

import java.nio.file.Path;
import medic.testing.TestDatabase;
import org.junit.jupiter.api.io.TempDir;

class RequestsAcrossReplicasOnH2Test extends RequestsAcrossReplicasContract {

    @TempDir
    Path directory;

    @Override
    TestDatabase newTestDatabase() {
        return TestDatabase.h2In(directory);
    }
}
