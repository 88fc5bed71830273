package medic.slack.command;

import medic.inventory.yaml.Suggestions;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/** The inventory's host names, for validating a command's host and for suggesting the one that was meant. */
final class HostNames {

    private final TreeSet<String> names;

    HostNames(Set<String> names) {
        this.names = new TreeSet<>(names);
    }

    boolean contains(String host) {
        return names.contains(host);
    }

    /** The inventory's names that {@code host} was probably meant to be (at most three, sorted). */
    List<String> closeTo(String host) {
        return names.stream().filter(name -> isClose(host, name)).limit(3).toList();
    }

    /** Every name, sorted. */
    List<String> all() {
        return List.copyOf(names);
    }

    private static boolean isClose(String typed, String name) {
        String a = typed.toLowerCase(Locale.ROOT);
        String b = name.toLowerCase(Locale.ROOT);
        return a.length() >= 3 && (b.contains(a) || Suggestions.editDistance(a, b) <= 2);
    }
}
