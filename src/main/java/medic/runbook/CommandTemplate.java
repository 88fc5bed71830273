package medic.runbook;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import medic.inventory.HostEntry;
import medic.inventory.yaml.Suggestions;

/**
 * A shell command with {@code {{variable}}} placeholders filled from the inventory. The text around the
 * placeholders is the runbook author's (shell syntax allowed); every substituted value is single-quoted, and
 * the only variables are {@link TemplateVariable}s: alert labels and annotations cannot be referenced at all,
 * because whoever can send an alert would otherwise choose what runs on the host.
 */
public final class CommandTemplate {
    /** Words that point into an alert, in medic's, Alertmanager's or Prometheus' template spelling. */
    private static final Set<String> ALERT_WORDS = Set.of("alert", "alerts", "label", "labels", "annotation",
            "annotations", "commonlabels", "commonannotations", "grouplabels", "groupkey", "externalurl", "receiver",
            "status", "value", "values", "fingerprint", "generatorurl");

    private sealed interface Part permits Literal, Variable {
    }

    private record Literal(String text) implements Part {
    }

    private record Variable(TemplateVariable variable) implements Part {
    }

    private final String source;
    private final List<Part> parts;

    private CommandTemplate(String source, List<Part> parts) {
        this.source = source;
        this.parts = List.copyOf(parts);
    }

    /** Parses a template, rejecting unknown variables (listing the allowed ones) and alert references. */
    public static CommandTemplate parse(String template) {
        if (template.isBlank()) {
            throw new TemplateException("the command is empty");
        }
        if (template.indexOf('\0') >= 0) {
            throw new TemplateException("the command contains a NUL byte");
        }
        List<Part> parts = new ArrayList<>();
        int at = 0;
        while (at < template.length()) {
            int open = template.indexOf("{{", at);
            if (open < 0) {
                parts.add(new Literal(template.substring(at)));
                break;
            }
            int close = template.indexOf("}}", open + 2);
            if (close < 0) {
                throw new TemplateException("\"{{\" at character " + (open + 1) + " is never closed with \"}}\"");
            }
            String name = template.substring(open + 2, close).trim();
            if (name.contains("{{")) {
                throw new TemplateException("\"{{\" at character " + (open + 1) + " is never closed with \"}}\"");
            }
            if (open > at) {
                parts.add(new Literal(template.substring(at, open)));
            }
            parts.add(new Variable(variable(name)));
            at = close + 2;
        }
        return new CommandTemplate(template, parts);
    }

    /** Renders {@code template} for {@code host}: the command string to run through {@code /bin/sh -c}. */
    public static String render(String template, HostEntry host) {
        return parse(template).render(host);
    }

    public String render(HostEntry host) {
        StringBuilder command = new StringBuilder();
        for (Part part : parts) {
            if (part instanceof Literal literal) {
                command.append(literal.text());
            } else {
                command.append(((Variable) part).variable().render(host));
            }
        }
        return command.toString();
    }

    /** The template as written. */
    public String source() {
        return source;
    }

    public List<TemplateVariable> variables() {
        return parts.stream().filter(Variable.class::isInstance).map(p -> ((Variable) p).variable()).toList();
    }

    private static TemplateVariable variable(String name) {
        if (name.isEmpty()) {
            throw new TemplateException("\"{{}}\" names no variable; allowed: " + String.join(", ", TemplateVariable.spellings()));
        }
        boolean alert = !name.startsWith("host.") && java.util.Arrays.stream(name.split("[^A-Za-z0-9_]+"))
                .anyMatch(word -> ALERT_WORDS.contains(word.toLowerCase(Locale.ROOT)));
        if (alert) {
            throw new TemplateException("{{" + name + "}} refers to the alert; alert labels and annotations never reach"
                    + " a shell, since whoever can send an alert would choose what runs: use inventory values instead ("
                    + String.join(", ", TemplateVariable.spellings()) + ")");
        }
        return TemplateVariable.named(name).orElseThrow(() -> new TemplateException("unknown variable {{" + name + "}}"
                + Suggestions.didYouMean(name, TemplateVariable.spellings())
                + "; allowed: " + String.join(", ", TemplateVariable.spellings())));
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof CommandTemplate t && t.source.equals(source);
    }

    @Override
    public int hashCode() {
        return source.hashCode();
    }

    @Override
    public String toString() {
        return source;
    }
}
