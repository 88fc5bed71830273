package medic.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import medic.nginx.Diagnosis;
import medic.nginx.Diagnostician;
import medic.nginx.Examination;
import medic.nginx.config.DiskConfigSource;
import medic.nginx.diagnosis.BackendFacts;
import medic.nginx.model.NginxVersion;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The JSON report begun before the proposal exists is byte for byte the report written after it. */
class EarlyJsonReportTest {

    @ParameterizedTest
    @ValueSource(strings = {"src/test/resources/fixtures/seed-incident", "src/test/resources/cli/secrets"})
    void writes_the_bytes_the_whole_report_writes(String fixture) throws Exception {
        Path dir = Path.of(fixture);
        byte[] log = Files.readAllBytes(dir.resolve("error.log"));
        Examination examination = Diagnostician.examine(DiskConfigSource.load(dir.resolve("nginx.conf"), null), log,
                NginxVersion.parse("1.22.1"), BackendFacts.NONE);
        EarlyJsonReport early = EarlyJsonReport.start(examination);
        Diagnosis diagnosis = examination.propose();
        ByteArrayOutputStream pipelined = new ByteArrayOutputStream();
        early.finish(diagnosis, pipelined);

        ByteArrayOutputStream whole = new ByteArrayOutputStream();
        JsonReport.write(Diagnostician.diagnose(DiskConfigSource.load(dir.resolve("nginx.conf"), null), log,
                NginxVersion.parse("1.22.1"), BackendFacts.NONE), whole);
        assertArrayEquals(whole.toByteArray(), pipelined.toByteArray(), pipelined.toString(StandardCharsets.UTF_8));
        assertTrue(pipelined.size() > 1000, "a report with findings, a proposal and a log");
    }

    @org.junit.jupiter.api.Test
    void holds_bytes_until_released_then_passes_them_through() throws Exception {
        HeldOutput held = new HeldOutput();
        byte[] big = new byte[(1 << 18) * 2 + 17];
        for (int i = 0; i < big.length; i++) {
            big[i] = (byte) i;
        }
        held.write(big, 0, big.length);
        held.write('x');
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        assertTrue(out.size() == 0);
        held.release(out);
        held.write('y');
        byte[] expected = new byte[big.length + 2];
        System.arraycopy(big, 0, expected, 0, big.length);
        expected[big.length] = 'x';
        expected[big.length + 1] = 'y';
        assertArrayEquals(expected, out.toByteArray());
    }
}
