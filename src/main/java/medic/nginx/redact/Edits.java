package medic.nginx.redact;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Collects the character ranges to mask in one text and writes the redacted copy.
 *
 * <p>Detectors run independently over the same input, so their ranges may overlap (a JWT inside a
 * bearer header inside a query string). Overlapping ranges are merged into one mask over their union:
 * dropping the later range instead could leave the tail of a secret visible.
 */
final class Edits {

    private record Range(int start, int end, SecretKind kind, int order) {}

    private final String text;
    private final List<Range> ranges = new ArrayList<>();

    Edits(String text) {
        this.text = text;
    }

    String text() {
        return text;
    }

    /**
     * Masks {@code [start, end)}. Empty ranges are ignored, and so are ranges holding a mask already: that
     * secret was masked by an earlier run, and what surrounds the mask was judged not secret then. Masking
     * the rest now ({@code $<redacted:x>} read as a value) would make a second run change the text again.
     */
    void mask(int start, int end, SecretKind kind) {
        if (start < 0 || end > text.length() || start >= end || containsMask(start, end)) {
            return;
        }
        ranges.add(new Range(start, end, kind, ranges.size()));
    }

    private boolean containsMask(int start, int end) {
        for (int i = start; i < end; i++) {
            if (text.charAt(i) == '<' && text.startsWith(SecretKind.MASK_PREFIX, i)) {
                return true;
            }
        }
        return false;
    }

    /** Builds the redacted text; line breaks inside a masked range are kept so line numbers stay valid. */
    Redaction apply() {
        if (ranges.isEmpty()) {
            return new Redaction(text, Map.of());
        }
        ranges.sort(Comparator.comparingInt(Range::start).thenComparingInt(Range::order));
        Map<SecretKind, Integer> counts = new EnumMap<>(SecretKind.class);
        StringBuilder out = new StringBuilder(text.length());
        int copied = 0;
        int i = 0;
        while (i < ranges.size()) {
            Range first = ranges.get(i);
            int end = first.end();
            int j = i + 1;
            while (j < ranges.size() && ranges.get(j).start() < end) {
                end = Math.max(end, ranges.get(j).end());
                j++;
            }
            out.append(text, copied, first.start()).append(first.kind().mask());
            appendLineBreaks(out, first.start(), end);
            counts.merge(first.kind(), 1, Integer::sum);
            copied = end;
            i = j;
        }
        out.append(text, copied, text.length());
        return new Redaction(out.toString(), counts);
    }

    private void appendLineBreaks(StringBuilder out, int start, int end) {
        for (int k = start; k < end; k++) {
            char c = text.charAt(k);
            if (c == '\n' || c == '\r') {
                out.append(c);
            }
        }
    }
}
