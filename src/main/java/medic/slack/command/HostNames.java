package medic.slack.command;

import medic.inventory.yaml.Suggestions;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/** The inventory's host names, for validating a command's host and for suggesting the one that was meant. */
final class HostNames {

    private static final int LISTED = 20;

    private final TreeSet<String> names;

    HostNames(Set<String> names) {
        this.names = new TreeSet<>(names);
    }

    boolean contains(String host) {
        return names.contains(host);
    }

    /** Why {@code host} is refused: close matches first, then the hosts that exist (at most 20). */
    String unknown(String host) {
        if (names.isEmpty()) {
            return "no host \"" + host + "\": the inventory has no hosts yet";
        }
        List<String> close = names.stream().filter(name -> isClose(host, name)).limit(3).toList();
        String known = names.stream().limit(LISTED).collect(Collectors.joining(", "))
                + (names.size() > LISTED ? " and " + (names.size() - LISTED) + " more" : "");
        return "no host \"" + host + "\" in the inventory"
                + (close.isEmpty() ? "" : "; did you mean " + String.join(" or ", close) + "?")
                + "\nHosts: " + known;
    }

    private static boolean isClose(String typed, String name) {
        String a = typed.toLowerCase(Locale.ROOT);
        String b = name.toLowerCase(Locale.ROOT);
        return a.length() >= 3 && (b.contains(a) || Suggestions.editDistance(a, b) <= 2);
    }
}
