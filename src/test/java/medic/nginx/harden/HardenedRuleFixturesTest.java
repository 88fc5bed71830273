package medic.nginx.harden;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import medic.nginx.diagnosis.Analysis;
import medic.nginx.diagnosis.Diagnoser;
import medic.nginx.diagnosis.Finding;
import medic.nginx.diagnosis.LogView;
import medic.nginx.diagnosis.RuleFixture;
import medic.nginx.model.NginxConfig;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every rule fixture diagnosed with the whole catalogue and hardened: the result must load in the real
 * nginx, and diagnosing and hardening it again (same log, same backend facts) must change nothing.
 */
class HardenedRuleFixturesTest {
    private static final Path RULES = Path.of("src/test/resources/rules");

    @TestFactory
    Stream<DynamicTest> every_hardened_rule_fixture_loads_in_nginx_and_hardens_to_nothing_more() throws IOException {
        List<Path> fixtures;
        try (Stream<Path> walk = Files.walk(RULES)) {
            fixtures = walk.filter(p -> p.toString().endsWith(".conf")).sorted().toList();
        }
        return fixtures.stream().map(path -> DynamicTest.dynamicTest(RULES.relativize(path).toString(), () -> {
            RuleFixture fixture = RuleFixture.read(path);
            Analysis analysis = fixture.analysis();
            List<Finding> findings = Diagnoser.standard().diagnose(analysis);
            Proposal proposal = Hardener.propose(analysis.config(), findings);
            if (proposal.isEmpty()) {
                return;
            }
            NginxConfig hardened = Hardener.hardened(analysis.config(), proposal);
            LogView log = analysis.log().present() ? LogView.of(analysis.log().events(), hardened) : LogView.none();
            Analysis again = new Analysis(hardened, log, analysis.facts());
            Proposal second = Hardener.propose(hardened, Diagnoser.standard().diagnose(again));
            assertTrue(second.isEmpty(), "hardening " + path + " twice changes it again:\n" + second.unifiedDiff());

            // A fixture for a newer nginx may get fixes (e.g. server ... resolve) the installed one cannot load.
            String unresolved = unresolvedHost(path);
            if (unresolved != null) {
                // nginx resolves upstream host names at load time; the name is in this machine's hosts file only.
                System.err.println("nginx -t not run on hardened " + path + ": host " + unresolved + " does not resolve here");
            } else if (fixture.version() == null || RealTools.nginxVersion().atLeast(fixture.version())) {
                Path dir = RealTools.copy(path.getParent());
                RealTools.write(dir, proposal);
                RealTools.Run run = RealTools.nginxTest(dir.resolve(path.getFileName().toString()));
                assertEquals(0, run.exit(), "nginx -t rejects the hardened " + path + ":\n" + run.output()
                        + "\n" + proposal.unifiedDiff());
            } else {
                System.err.println("nginx -t not run on hardened " + path + ": written for nginx " + fixture.version()
                        + ", installed " + RealTools.nginxVersion());
            }
        }));
    }

    /** A host named by a fixture's '# resolves NAME' line that this machine cannot resolve, else null. */
    private static String unresolvedHost(Path fixture) throws IOException {
        for (String line : Files.readAllLines(fixture)) {
            if (line.startsWith("# resolves ")) {
                String name = line.substring("# resolves ".length()).trim();
                try {
                    java.net.InetAddress.getByName(name);
                } catch (java.net.UnknownHostException e) {
                    return name;
                }
            }
        }
        return null;
    }
}
