package medic.nginx.diagnosis.rules;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import medic.nginx.diagnosis.Analysis;
import medic.nginx.diagnosis.Change;
import medic.nginx.diagnosis.Finding;
import medic.nginx.diagnosis.Rule;
import medic.nginx.diagnosis.RuleCatalog;
import medic.nginx.diagnosis.RuleFixture;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Idempotence of the WebSocket rules: on every fixture, applying all the changes they propose leaves none of
 * them with anything left to change (only advice-only findings may remain).
 */
class HardeningSatisfiesRulesTest {
    static final Set<String> WEBSOCKET_RULES = Set.of("WS01", "WS02", "WS03", "WS04", "WS05", "WS06", "WS07", "WS08",
            "WS09", "WS10", "NW01", "RL01");
    static final Path ROOT = Path.of("src/test/resources/rules");

    @TempDir
    static Path scratch;

    static List<Rule> rules() {
        return RuleCatalog.all().stream().filter(r -> WEBSOCKET_RULES.contains(r.id())).toList();
    }

    static List<Finding> findings(Analysis analysis) {
        return rules().stream().flatMap(r -> r.check(analysis).stream()).toList();
    }

    @TestFactory
    Stream<DynamicTest> applying_the_proposed_changes_leaves_nothing_to_change() throws IOException {
        List<Path> fixtures;
        try (Stream<Path> walk = Files.walk(ROOT)) {
            fixtures = walk.filter(p -> p.toString().endsWith(".conf")).sorted().toList();
        }
        return fixtures.stream().map(RuleFixture::read)
                .filter(f -> findings(f.analysis()).stream().anyMatch(x -> !x.changes().isEmpty()))
                .map(f -> DynamicTest.dynamicTest(ROOT.relativize(f.path()).toString(), () -> {
                    Analysis before = f.analysis();
                    List<Change> changes = findings(before).stream().flatMap(x -> x.changes().stream()).toList();
                    RuleFixture hardened = RuleFixture.read(harden(f, FakeHardener.apply(before.config(), changes)));
                    List<Finding> left = findings(hardened.analysis()).stream()
                            .filter(x -> !x.changes().isEmpty()).toList();
                    assertTrue(left.isEmpty(), "still to change after hardening: "
                            + left.stream().map(x -> x.rule() + "@" + x.where() + " " + x.message()).toList()
                            + "\n" + Files.readString(hardened.path()));
                }));
    }

    /** Writes the hardened text beside a copy of the fixture's log, so the expectations and log still apply. */
    static Path harden(RuleFixture fixture, String text) throws IOException {
        Path dir = Files.createDirectories(scratch.resolve(ROOT.relativize(fixture.path().getParent())));
        if (fixture.log() != null) {
            Files.copy(fixture.log(), dir.resolve(fixture.log().getFileName()),
                    java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
        return Files.writeString(dir.resolve(fixture.path().getFileName()), text);
    }
}
