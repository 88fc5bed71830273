package medic.slack.command;

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
        return a.length() >= 3 && (b.contains(a) || distance(a, b) <= 2);
    }

    private static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
