package medic.server;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * deploy/CONFIGURATION.md and the README's configuration table show the settings medic actually reads
 * (regenerate: java medic.server.SettingsTable).
 */
class ConfigurationDocTest {
    @Test
    void the_documented_table_is_the_catalog() throws IOException {
        String doc = Files.readString(Path.of("deploy/CONFIGURATION.md"));
        assertTrue(doc.contains(SettingsTable.markdown()),
                "deploy/CONFIGURATION.md is out of date; paste the output of medic.server.SettingsTable:\n"
                        + SettingsTable.markdown());
    }

    @Test
    void the_readme_table_is_the_catalog() throws IOException {
        assertTrue(Files.readString(Path.of("README.md")).contains(SettingsTable.markdown()),
                "README.md's configuration table is out of date; paste the output of medic.server.SettingsTable");
    }
}
