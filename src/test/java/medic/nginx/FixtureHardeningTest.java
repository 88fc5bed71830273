package medic.nginx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import medic.nginx.harden.FileChange;
import medic.nginx.harden.Hardener;
import medic.nginx.harden.Proposal;
import medic.testing.NginxHarness;
import medic.testing.NginxResult;
import medic.testing.RequiresProgram;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/** What the hardener proposes for every diagnosed fixture is a config the real nginx loads. */
@RequiresProgram(value = "nginx", aptPackage = "nginx")
class FixtureHardeningTest {
    @TempDir
    Path temp;

    @TestFactory
    Stream<DynamicTest> hardening_every_fixture_gives_a_config_nginx_t_accepts() {
        return DiagnosisFixture.all().stream().map(fixture -> DynamicTest.dynamicTest(
                fixture.name() + ": hardened config passes nginx -t", () -> {
                    Diagnosis diagnosis = fixture.diagnose();
                    Proposal proposal = Hardener.propose(diagnosis.config(), diagnosis.findings());
                    boolean changes = diagnosis.findings().stream().anyMatch(f -> !f.changes().isEmpty());
                    assertEquals(changes, !proposal.isEmpty(),
                            "findings with changes give edits: " + proposal.summary());
                    Path copy = Files.createDirectories(temp.resolve(fixture.name()));
                    Path mainDir = fixture.materialize(diagnosis.config().tree(), copy);
                    for (FileChange file : proposal.files()) {
                        Path target = fixture.inside(copy, file.path());
                        assertTrue(Files.isRegularFile(target), file.path() + " is not a file of the copied fixture");
                        Files.writeString(target, file.after(), StandardCharsets.UTF_8);
                    }
                    String main = Path.of(diagnosis.config().tree().mainPath()).getFileName().toString();
                    NginxResult result = NginxHarness.installed().test(mainDir, main);
                    assertTrue(result.passed(), "nginx -t refused the hardened " + fixture.name() + ":\n"
                            + result.stderr() + "\n" + proposal.unifiedDiff());
                    assertTrue(result.stderr().contains("test is successful"), result.stderr());
                }));
    }
}
