package medic.apply;

import java.nio.file.Path;
import medic.testing.TestDatabase;
import org.junit.jupiter.api.io.TempDir;

class ApprovalOnH2Test extends ApprovalContract {
    @TempDir
    Path directory;

    @Override
    TestDatabase newDatabase() {
        return TestDatabase.h2In(directory);
    }
}
