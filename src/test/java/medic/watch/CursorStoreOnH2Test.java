package medic.watch;

import java.nio.file.Path;
import medic.testing.TestDatabase;
import org.junit.jupiter.api.io.TempDir;

class CursorStoreOnH2Test extends CursorStoreContract {
    @TempDir
    Path directory;

    @Override
    TestDatabase newTestDatabase() {
        return TestDatabase.h2In(directory);
    }
}
