package medic.slack.message;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * What Java expects of one template: its name (the part before the first dot names the file, e.g.
 * {@code incident.header} lives in {@code templates/incident.txt}), whether it renders to mrkdwn or to
 * plain text (headers, buttons, dialogs), the placeholders it may use, and those it must use.
 */
record TemplateSpec(String name, Kind kind, Set<String> placeholders, Set<String> required) {
    /** Where the text ends up: mrkdwn is escaped and may carry markup; plain text is shown as typed. */
    enum Kind { MRKDWN, PLAIN }

    TemplateSpec {
        placeholders = Set.copyOf(placeholders);
        required = Set.copyOf(required);
        if (!placeholders.containsAll(required)) {
            throw new IllegalArgumentException(name + ": required placeholders must be declared");
        }
    }

    /** A mrkdwn template; a placeholder written {@code "!host"} must appear in the text. */
    static TemplateSpec mrkdwn(String name, String... placeholders) {
        return of(name, Kind.MRKDWN, placeholders);
    }

    static TemplateSpec plain(String name, String... placeholders) {
        return of(name, Kind.PLAIN, placeholders);
    }

    private static TemplateSpec of(String name, Kind kind, String... declared) {
        Set<String> all = new LinkedHashSet<>();
        Set<String> required = new LinkedHashSet<>();
        Arrays.stream(declared).forEach(p -> {
            String bare = p.startsWith("!") ? p.substring(1) : p;
            all.add(bare);
            if (p.startsWith("!")) {
                required.add(bare);
            }
        });
        return new TemplateSpec(name, kind, all, required);
    }

    /** The file under templates/ that holds this template. */
    String fileName() {
        int dot = name.indexOf('.');
        return (dot < 0 ? name : name.substring(0, dot)) + ".txt";
    }
}
