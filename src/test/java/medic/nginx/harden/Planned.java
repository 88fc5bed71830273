package medic.nginx.harden;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import medic.nginx.diagnosis.Analysis;
import medic.nginx.diagnosis.BackendFacts;
import medic.nginx.diagnosis.Diagnoser;
import medic.nginx.diagnosis.Finding;
import medic.nginx.diagnosis.LogView;
import medic.nginx.diagnosis.RuleFixture;
import medic.nginx.model.NginxConfig;

/** The edits the hardener applies to each file of a config, as {@link Hardener} plans them, for white-box tests. */
final class Planned {
    private Planned() {
    }

    /** Per file path, the original text's applied edits. */
    static Map<String, TextEdits.Applied> edits(NginxConfig config, List<Finding> findings) {
        Map<String, List<Edit>> byFile = Hardener.plan(config, Hardener.sourced(findings)).byFile();
        Map<String, TextEdits.Applied> applied = new LinkedHashMap<>();
        byFile.forEach((path, edits) -> applied.put(path,
                TextEdits.apply(config.tree().file(path).source(), edits, path, new ArrayList<>())));
        return applied;
    }

    /** The seed and every rule fixture, each diagnosed with the standard rules. */
    static List<Map.Entry<NginxConfig, List<Finding>>> seedAndFixtures() throws IOException {
        List<Map.Entry<NginxConfig, List<Finding>>> all = new ArrayList<>();
        NginxConfig seed = SeedHardeningTest.load(SeedHardeningTest.SEED);
        all.add(Map.entry(seed, SeedHardeningTest.findings(seed)));
        List<Path> fixtures;
        try (Stream<Path> walk = Files.walk(Path.of("src/test/resources/rules"))) {
            fixtures = walk.filter(p -> p.toString().endsWith(".conf")).sorted().toList();
        }
        for (Path path : fixtures) {
            Analysis analysis = RuleFixture.read(path).analysis();
            all.add(Map.entry(analysis.config(), Diagnoser.standard().diagnose(analysis)));
        }
        return all;
    }
}
