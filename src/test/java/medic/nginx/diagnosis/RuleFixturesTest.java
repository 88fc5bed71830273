package medic.nginx.diagnosis;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/** Every rule fixture under rules/: what it expects is found, what it rules out is not. */
class RuleFixturesTest {
    static final Path ROOT = Path.of("src/test/resources/rules");

    static Stream<Path> fixtures() throws IOException {
        return Files.walk(ROOT).filter(p -> p.toString().endsWith(".conf")).sorted();
    }

    @TestFactory
    Stream<DynamicTest> each_fixture_yields_exactly_what_it_expects() throws IOException {
        return fixtures().map(path -> DynamicTest.dynamicTest(ROOT.relativize(path).toString(), () -> {
            RuleFixture fixture = RuleFixture.read(path);
            assertFalse(fixture.expectations().isEmpty(), path + " has no '# expect' lines");
            List<Finding> findings = Diagnoser.standard().diagnose(fixture.analysis());
            String file = path.getFileName().toString();
            for (RuleFixture.Expectation e : fixture.expectations()) {
                boolean found = findings.stream().anyMatch(f -> f.rule().equals(e.rule())
                        && (e.line() == null || (f.line() == e.line() && f.file().equals(file)))
                        && (e.severity() == null || f.severity() == e.severity()));
                if (e.present()) {
                    assertTrue(found, e + " not met; findings: " + summary(findings));
                } else {
                    assertFalse(findings.stream().anyMatch(f -> f.rule().equals(e.rule())),
                            e + " violated; findings: " + summary(findings));
                }
            }
        }));
    }

    @Test
    void every_rule_of_the_catalogue_has_a_firing_fixture_and_a_near_miss() throws IOException {
        List<RuleFixture> all = fixtures().map(RuleFixture::read).toList();
        for (Rule rule : RuleCatalog.all()) {
            assertTrue(all.stream().anyMatch(f -> f.path().getParent().getFileName().toString().equals(rule.id())
                            && f.expectations().stream().anyMatch(e -> e.present() && e.rule().equals(rule.id()))),
                    rule.id() + " has no fixture that fires it under rules/" + rule.id());
            assertTrue(all.stream().anyMatch(f -> f.path().getParent().getFileName().toString().equals(rule.id())
                            && f.expectations().stream().anyMatch(e -> !e.present() && e.rule().equals(rule.id()))),
                    rule.id() + " has no near-miss fixture ('# expect-not " + rule.id() + "') under rules/" + rule.id());
        }
    }

    static String summary(List<Finding> findings) {
        return findings.stream().map(f -> f.rule() + "@" + f.where() + " " + f.severity().label()).toList().toString();
    }
}
