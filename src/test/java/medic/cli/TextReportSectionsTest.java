package medic.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import medic.nginx.Diagnosis;
import medic.nginx.Diagnostician;
import medic.nginx.config.DiskConfigSource;
import medic.nginx.diagnosis.BackendFacts;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The text report put together from a findings section made beforehand reads as the report made at once. */
class TextReportSectionsTest {

    @ParameterizedTest
    @CsvSource({"src/test/resources/fixtures/seed-incident, false", "src/test/resources/fixtures/seed-incident, true",
        "src/test/resources/cli/secrets, false", "src/test/resources/cli/secrets, true"})
    void a_findings_section_made_first_gives_the_same_report(String fixture, boolean color) throws Exception {
        Path dir = Path.of(fixture);
        Diagnosis diagnosis = Diagnostician.diagnose(DiskConfigSource.load(dir.resolve("nginx.conf"), null),
                Files.readAllBytes(dir.resolve("error.log")), null, BackendFacts.NONE);
        TextReport report = new TextReport(color);
        String whole = report.render(diagnosis);
        assertEquals(whole, report.render(diagnosis, report.findingsSection(diagnosis.findings(), false)));
        assertTrue(whole.contains("Proposed change"), whole);
    }
}
