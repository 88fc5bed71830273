package medic.nginx.diagnosis.rules;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import medic.nginx.config.Directive;
import medic.nginx.diagnosis.Change;
import medic.nginx.diagnosis.UpgradeMap;
import medic.nginx.model.NginxConfig;
import medic.nginx.model.Scope;

/**
 * A test stand-in for the hardener: turns changes into plain text edits of a single-file config, with the
 * semantics {@link Change} documents (replace or add, keyed adds, ensure-once), but none of its formatting care.
 * Good enough to re-run the rules on the result and check that they are satisfied.
 */
final class FakeHardener {
    private record Edit(int start, int end, String text) {
    }

    private FakeHardener() {
    }

    static String apply(NginxConfig config, List<Change> changes) {
        String source = config.tree().file(config.tree().mainPath()).source();
        LinkedHashSet<Edit> edits = new LinkedHashSet<>();
        for (Change change : changes) {
            edits.addAll(edits(config, change));
        }
        List<Edit> ordered = new ArrayList<>();
        for (Edit edit : edits) {
            // Two replacements of one directive (two upserts of a header): the first change wins.
            boolean replaced = edit.end() > edit.start() && ordered.stream()
                    .anyMatch(e -> e.start() == edit.start() && e.end() == edit.end());
            if (!replaced) {
                ordered.add(edit);
            }
        }
        List<Edit> byPosition = new ArrayList<>(ordered);
        // Later positions first; at one position, later edits first, so inserts end up in change order.
        byPosition.sort(Comparator.comparingInt(Edit::start).thenComparingInt(ordered::indexOf).reversed());
        StringBuilder text = new StringBuilder(source);
        for (Edit edit : byPosition) {
            text.replace(edit.start(), edit.end(), edit.text());
        }
        return text.toString();
    }

    private static List<Edit> edits(NginxConfig config, Change change) {
        Scope http = config.http();
        if (change instanceof Change.SetDirective set) {
            Directive existing = set.scope().find(set.name());
            return List.of(existing != null ? replace(existing, line(set.name(), set.args()))
                    : insert(set.scope(), line(set.name(), set.args())));
        }
        if (change instanceof Change.AddDirective add) {
            Directive existing = keyed(add.scope(), add.name(), add.args(), add.keyArgs());
            if (existing == null) {
                return List.of(insert(add.scope(), line(add.name(), add.args())));
            }
            return add.replace() ? List.of(replace(existing, line(add.name(), add.args()))) : List.of();
        }
        if (change instanceof Change.EnsureUpgradeMap map) {
            return UpgradeMap.find(config) != null ? List.of() : List.of(insert(http, "map $http_upgrade "
                    + map.variable() + " { default upgrade; '' " + map.emptyValue() + "; }"));
        }
        if (change instanceof Change.EnsureHttpDirective ensure) {
            return keyed(http, ensure.name(), ensure.args(), ensure.keyArgs()) != null ? List.of()
                    : List.of(insert(http, line(ensure.name(), ensure.args())));
        }
        if (change instanceof Change.SetMapEntry entry) {
            return entry.map().directives().stream().filter(d -> d.name().isEmpty() && entry.key().equals("''"))
                    .map(d -> replace(d, entry.key() + " " + entry.value() + ";")).toList();
        }
        if (change instanceof Change.MakePrefixNoRegex prefix) {
            Directive block = prefix.location().block();
            return List.of(replace(block, "location ^~ " + block.arg(0) + " {"));
        }
        throw new UnsupportedOperationException("the fake hardener does not apply " + change);
    }

    private static Directive keyed(Scope scope, String name, List<String> args, int keyArgs) {
        for (Directive d : scope.all(name)) {
            boolean same = d.argCount() >= keyArgs;
            for (int i = 0; same && i < keyArgs; i++) {
                same = d.arg(i).toLowerCase(Locale.ROOT).equals(args.get(i).toLowerCase(Locale.ROOT));
            }
            if (same) {
                return d;
            }
        }
        return null;
    }

    private static String line(String name, List<String> args) {
        return name + " " + String.join(" ", args.stream().map(FakeHardener::quoted).toList()) + ";";
    }

    /** Arguments come unquoted from the model; quote the ones nginx would otherwise split or misread. */
    private static String quoted(String arg) {
        return arg.isEmpty() || arg.matches(".*[\\s;{}'\"].*") && !arg.equals("\"\"") ? "\"" + arg + "\"" : arg;
    }

    private static Edit replace(Directive d, String text) {
        return new Edit(d.offset(), d.headerEnd(), text);
    }

    private static Edit insert(Scope scope, String text) {
        return new Edit(scope.block().headerEnd(), scope.block().headerEnd(), "\n        " + text);
    }
}
