package medic.nginx.harden;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import medic.MedicException;

/**
 * Applies edits to one file's original text. Identical edits collapse to one (two scopes can share a file);
 * two replacements of the same range keep the earlier finding's and report the other; anything else that
 * overlaps is a hardener bug and fails loudly.
 */
final class TextEdits {
    private TextEdits() {
    }

    /** The result text and the edits it carries out, in text order, without overlaps or duplicates. */
    record Applied(String text, List<Edit> kept) {
    }

    /** Applies the edits; {@code conflicts} receives one line per replacement that lost to an earlier one. */
    static Applied apply(String original, List<Edit> edits, String relativePath, List<String> conflicts) {
        List<Edit> sorted = new ArrayList<>(edits);
        // Insertions before a replacement starting at the same offset, then finding order.
        sorted.sort(Comparator.comparingInt(Edit::start)
                .thenComparing(e -> !e.isInsertion())
                .thenComparingInt(Edit::order));
        List<Edit> kept = new ArrayList<>();
        Set<List<Object>> seen = new HashSet<>();
        for (Edit edit : sorted) {
            if (!seen.add(List.of(edit.start(), edit.end(), edit.text()))) {
                continue;
            }
            Edit previous = kept.isEmpty() ? null : kept.get(kept.size() - 1);
            if (previous != null && !previous.isInsertion() && previous.start() == edit.start()
                    && previous.end() == edit.end()) {
                conflicts.add(relativePath + ": \"" + original.substring(edit.start(), edit.end()) + "\" is set to \""
                        + previous.text() + "\" by one change and \"" + edit.text() + "\" by another; kept \""
                        + previous.text() + "\"");
                continue;
            }
            if (previous != null && edit.start() < previous.end()) {
                throw new MedicException("hardener bug: overlapping edits in " + relativePath + " at offsets "
                        + previous.start() + ".." + previous.end() + " and " + edit.start() + ".." + edit.end()
                        + "; please report this with the config");
            }
            kept.add(edit);
        }
        StringBuilder out = new StringBuilder(original.length() + 256);
        int at = 0;
        for (Edit edit : kept) {
            out.append(original, at, edit.start()).append(edit.text());
            at = edit.end();
        }
        return new Applied(out.append(original, at, original.length()).toString(), List.copyOf(kept));
    }
}
