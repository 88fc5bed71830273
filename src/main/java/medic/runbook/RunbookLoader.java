package medic.runbook;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import medic.inventory.LabelMatcher;
import medic.inventory.MatcherFields;
import medic.inventory.yaml.Fields;
import medic.inventory.yaml.Location;
import medic.inventory.yaml.Problem;
import medic.inventory.yaml.Problems;
import medic.inventory.yaml.YamlList;
import medic.inventory.yaml.YamlMap;
import medic.inventory.yaml.YamlNode;
import medic.inventory.yaml.YamlReader;

/**
 * Reads one runbook file strictly (the format is in runbooks/README.md): every problem, from an unknown field
 * to an alert label inside a command template, is reported as {@code file:line:column: field ...: ...}.
 */
public final class RunbookLoader {
    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9_-]{0,62}");

    private RunbookLoader() {
    }

    public static Runbook load(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new RunbookException(List.of(new Problem(new Location(file.toString(), 1, 1), null, "no such file")));
        } catch (IOException | java.io.UncheckedIOException e) {
            throw new RunbookException(List.of(new Problem(new Location(file.toString(), 1, 1), null,
                    "cannot read the file: " + e.getMessage())));
        }
        return parse(text, file.toString(), file);
    }

    /** Parses runbook text; {@code fileName} is how messages name the file. */
    public static Runbook parse(String yaml, String fileName, Path source) {
        Problems problems = new Problems();
        Optional<YamlMap> root = YamlReader.read(yaml, fileName, problems);
        Runbook runbook = root.flatMap(map -> runbook(Fields.of(map, problems, "a mapping").orElseThrow(), source))
                .orElse(null);
        if (!problems.isEmpty() || runbook == null) {
            throw new RunbookException(problems.list());
        }
        return runbook;
    }

    private static Optional<Runbook> runbook(Fields fields, Path source) {
        Optional<String> name = fields.requiredString("name", "give the runbook a unique name, e.g. name: nginx-upstream-reset")
                .filter(value -> {
                    if (NAME.matcher(value).matches()) {
                        return true;
                    }
                    fields.problems().add(fields.node("name").orElseThrow(), "\"" + value
                            + "\" is not valid here; use lower-case letters, digits, '_' and '-'");
                    return false;
                });
        String description = fields.string("description").orElse("");
        Optional<AlertMatch> match = fields.mapping("match", "a mapping with alertname (and labels or matchers)")
                .flatMap(node -> match(Fields.of(node, fields.problems(), "a mapping").orElseThrow()));
        if (!fields.has("match")) {
            fields.missing("match", "say which alerts this runbook answers: match: {alertname: NginxUpstreamResets}");
        }
        List<StepReader.Located> steps = new ArrayList<>();
        Optional<YamlList> list = fields.list("steps", "a list of steps (- id: ... kind: ...)");
        if (!fields.has("steps")) {
            fields.missing("steps", "list the steps to take (see runbooks/README.md)");
        }
        list.ifPresent(items -> {
            if (items.items().isEmpty()) {
                fields.problems().add(items, "the list is empty; add at least one step");
            }
            for (YamlNode item : items.items()) {
                Fields.of(item, fields.problems(), "a step (a mapping with id and kind)")
                        .flatMap(StepReader::read).ifPresent(steps::add);
            }
        });
        fields.rejectUnknown();
        StepRules.check(steps, fields.problems());
        if (name.isEmpty() || match.isEmpty() || list.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Runbook(name.get(), description, source, match.get(),
                steps.stream().map(StepReader.Located::step).toList()));
    }

    private static Optional<AlertMatch> match(Fields fields) {
        Optional<String> alertname = fields.requiredString("alertname", "name the alert, e.g. alertname: NginxUpstreamResets");
        List<LabelMatcher> matchers = MatcherFields.read(fields);
        fields.rejectUnknown();
        return alertname.map(name -> new AlertMatch(name, matchers));
    }
}
