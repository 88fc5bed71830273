package medic.incident;

import java.nio.file.Path;
import medic.testing.TestDatabase;
import org.junit.jupiter.api.io.TempDir;

class AlertIntakeOnH2Test extends AlertIntakeContract {

    @TempDir
    Path directory;

    @Override
    TestDatabase newTestDatabase() {
        return TestDatabase.h2In(directory);
    }
}
