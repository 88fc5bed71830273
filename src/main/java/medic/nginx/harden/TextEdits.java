package medic.nginx.harden;

import java.util.ArrayList;
import java.util.List;
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

    private static int compare(Edit a, Edit b) {
        if (a.start() != b.start()) {
            return Integer.compare(a.start(), b.start());
        }
        if (a.isInsertion() != b.isInsertion()) {
            return a.isInsertion() ? -1 : 1;
        }
        return Integer.compare(a.order(), b.order());
    }

    /** An edit seen before with the same range and text (kept or not); {@code seen} holds the edits at its start. */
    private static boolean duplicate(List<Edit> seen, Edit edit) {
        for (Edit other : seen) {
            if (other.end() == edit.end() && other.text().equals(edit.text())) {
                return true;
            }
        }
        return false;
    }

    /** Applies the edits; {@code conflicts} receives one line per replacement that lost to an earlier one. */
    static Applied apply(String original, List<Edit> edits, String relativePath, List<String> conflicts) {
        List<Edit> sorted = new ArrayList<>(edits);
        // Insertions before a replacement starting at the same offset, then finding order.
        sorted.sort(TextEdits::compare);
        List<Edit> kept = new ArrayList<>(sorted.size());
        List<Edit> seenAtStart = new ArrayList<>();
        for (Edit edit : sorted) {
            if (!seenAtStart.isEmpty() && seenAtStart.get(0).start() != edit.start()) {
                seenAtStart.clear();
            }
            if (duplicate(seenAtStart, edit)) {
                continue;
            }
            seenAtStart.add(edit);
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
        int length = original.length();
        for (Edit edit : kept) {
            length += edit.text().length() - (edit.end() - edit.start());
        }
        StringBuilder out = new StringBuilder(length);
        int at = 0;
        for (Edit edit : kept) {
            out.append(original, at, edit.start()).append(edit.text());
            at = edit.end();
        }
        return new Applied(out.append(original, at, original.length()).toString(), List.copyOf(kept));
    }
}
