package medic.testing;

import java.nio.file.Path;
import medic.store.DatabaseSettings;

/** An empty database for one test, on H2 or PostgreSQL; closing it throws its contents away. */
public interface TestDatabase extends AutoCloseable {

    /** Settings that open this database; open it as often as the test likes (restarts, replicas). */
    DatabaseSettings settings();

    /** "H2" or "PostgreSQL", for messages. */
    String vendorName();

    @Override
    void close();

    /** An H2 file database in {@code directory} (a JUnit {@code @TempDir}, which removes it). */
    static TestDatabase h2In(Path directory) {
        DatabaseSettings settings = DatabaseSettings.h2File(directory.resolve("medic"));
        return new TestDatabase() {
            @Override
            public DatabaseSettings settings() {
                return settings;
            }

            @Override
            public String vendorName() {
                return "H2";
            }

            @Override
            public void close() {
                // The temporary directory goes with the test.
            }
        };
    }
}
