package medic.inventory.yaml;

import java.util.Collection;
import java.util.Optional;

/**
 * "Did you mean ...?" for a misspelt field, host or variable name: a known name the typed one begins, else the
 * closest known name within two edits.
 */
public final class Suggestions {
    private Suggestions() {
    }

    public static Optional<String> closest(String typed, Collection<String> known) {
        String best = null;
        int bestDistance = 3;
        for (String candidate : known) {
            if (typed.length() >= 3 && candidate.startsWith(typed)) {
                return Optional.of(candidate);
            }
        }
        for (String candidate : known) {
            int distance = editDistance(typed.toLowerCase(java.util.Locale.ROOT), candidate.toLowerCase(java.util.Locale.ROOT));
            if (distance < bestDistance) {
                best = candidate;
                bestDistance = distance;
            }
        }
        return Optional.ofNullable(best);
    }

    /** The same, as a sentence ending to append to a message, or "". */
    public static String didYouMean(String typed, Collection<String> known) {
        return closest(typed, known).map(name -> " (did you mean \"" + name + "\"?)").orElse("");
    }

    /** Levenshtein distance: the fewest single-character inserts, deletes and substitutions from a to b. */
    public static int editDistance(String a, String b) {
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
