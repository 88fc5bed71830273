package medic.runbook;

import java.time.Duration;
import java.util.Optional;
import java.util.regex.Pattern;
import medic.inventory.yaml.Fields;
import medic.inventory.yaml.YamlMap;
import medic.inventory.yaml.YamlNode;
import medic.nginx.model.NginxTime;

/** Reads one step of a runbook: the common fields, then the fields its kind allows. */
final class StepReader {
    static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9_-]{0,62}");
    private static final Duration MAX_SINCE = Duration.ofDays(7);
    private static final int MAX_LINES = 1_000_000;

    /** A step with the node it was read from, for messages about its place among the others. */
    record Located(Step step, YamlMap node) {
    }

    private StepReader() {
    }

    static Optional<Located> read(Fields fields) {
        Optional<String> id = fields.requiredString("id", "give the step an id such as dump (unique in the runbook)")
                .filter(value -> matches(fields, "id", ID, value, "lower-case letters, digits, '_' and '-'"));
        Optional<StepKind> kind = fields.requiredString("kind", "one of " + String.join(", ", StepKind.yamlNames()))
                .flatMap(value -> {
                    Optional<StepKind> known = StepKind.fromYaml(value);
                    if (known.isEmpty()) {
                        fields.problems().add(fields.node("kind").orElseThrow(), "unknown step kind \"" + value + "\""
                                + medic.inventory.yaml.Suggestions.didYouMean(value, StepKind.yamlNames())
                                + "; known kinds: " + String.join(", ", StepKind.yamlNames()));
                    }
                    return known;
                });
        String description = fields.string("description").orElse("");
        OnFailure onFailure = fields.string("on_failure").map(value -> onFailure(fields, value)).orElse(OnFailure.STOP);
        if (kind.isEmpty()) {
            // Without a kind the allowed fields are unknown: report only what is certain.
            return Optional.empty();
        }
        Duration timeout = fields.string("timeout").flatMap(value -> duration(fields, "timeout", value,
                kind.get().maxTimeout())).orElse(kind.get().defaultTimeout());
        if (kind.get() != StepKind.COMMAND) {
            fields.refuse("mutating", "built-in steps decide for themselves whether they change the host ("
                    + kind.get().yamlName() + " never does); remove mutating");
        }
        if (kind.get() == StepKind.APPROVAL_GATE && onFailure == OnFailure.CONTINUE) {
            fields.problems().add(fields.node("on_failure").orElseThrow(), "an approval gate always stops the run when"
                    + " approval is refused or expires; remove on_failure: continue");
        }
        Optional<Step> step = switch (kind.get()) {
            case COMMAND -> command(fields, id.orElse(null), description, timeout, onFailure);
            case ERROR_LOG -> errorLog(fields, id.orElse(null), description, timeout, onFailure);
            default -> Optional.of(new BuiltinStep(id.orElse(null), kind.get(), description, timeout, onFailure));
        };
        fields.rejectUnknown();
        return id.isPresent() ? step.map(s -> new Located(s, fields.map())) : Optional.empty();
    }

    private static Optional<Step> command(Fields fields, String id, String description, Duration timeout,
                                          OnFailure onFailure) {
        boolean sudo = fields.bool("sudo").orElse(false);
        boolean mutating = fields.bool("mutating").orElse(false);
        Optional<YamlNode> run = fields.node("run");
        if (run.isEmpty()) {
            fields.missing("run", "give the command, e.g. run: \"{{host.nginx.binary}} -V\"");
            return Optional.empty();
        }
        return fields.text(run.get()).flatMap(text -> {
            try {
                return Optional.of(new CommandStep(id, description, CommandTemplate.parse(text), sudo, mutating,
                        timeout, onFailure));
            } catch (TemplateException e) {
                fields.problems().add(run.get(), e.getMessage());
                return Optional.empty();
            }
        });
    }

    private static Optional<Step> errorLog(Fields fields, String id, String description, Duration timeout,
                                           OnFailure onFailure) {
        Optional<LogWindow> since = fields.string("since")
                .flatMap(value -> duration(fields, "since", value, MAX_SINCE)).map(LogWindow.Since::new);
        Optional<LogWindow> lines = fields.integer("lines").flatMap(count -> {
            if (count < 1 || count > MAX_LINES) {
                fields.problems().add(fields.node("lines").orElseThrow(), count + " lines is out of range; use 1 to " + MAX_LINES);
                return Optional.empty();
            }
            return Optional.of(new LogWindow.LastLines(count.intValue()));
        });
        LogFilter filter = fields.string("filter").map(value -> LogFilter.fromYaml(value).orElseGet(() -> {
            fields.problems().add(fields.node("filter").orElseThrow(), "unknown filter \"" + value
                    + "\"; use upstream_failures, or none to keep every line");
            return LogFilter.NONE;
        })).orElse(LogFilter.NONE);
        if (fields.has("since") && fields.has("lines")) {
            fields.problems().add(fields.node("lines").orElse(fields.map()), "give since or lines, not both");
            return Optional.empty();
        }
        if (!fields.has("since") && !fields.has("lines")) {
            fields.missing("since", "say how much log to read: since: 15m (a time window) or lines: 5000 (the last lines)");
            return Optional.empty();
        }
        return since.or(() -> lines).map(window -> new ErrorLogStep(id, description, window, filter, timeout, onFailure));
    }

    private static OnFailure onFailure(Fields fields, String value) {
        return switch (value) {
            case "stop" -> OnFailure.STOP;
            case "continue" -> OnFailure.CONTINUE;
            default -> {
                fields.problems().add(fields.node("on_failure").orElseThrow(), "\"" + value + "\" is not stop or continue");
                yield OnFailure.STOP;
            }
        };
    }

    private static Optional<Duration> duration(Fields fields, String key, String value, Duration max) {
        Duration duration = NginxTime.parse(value);
        if (duration == null || duration.compareTo(Duration.ofSeconds(1)) < 0 || duration.compareTo(max) > 0) {
            fields.problems().add(fields.node(key).orElseThrow(), "\"" + value + "\" is not a duration from 1s to "
                    + NginxTime.format(max) + "; write e.g. 30s, 15m or 1h");
            return Optional.empty();
        }
        return Optional.of(duration);
    }

    private static boolean matches(Fields fields, String key, Pattern pattern, String value, String expected) {
        if (pattern.matcher(value).matches()) {
            return true;
        }
        fields.problems().add(fields.node(key).orElseThrow(), "\"" + value + "\" is not valid here; use " + expected);
        return false;
    }
}
