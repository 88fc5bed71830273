package medic.nginx.harden;

/**
 * One text edit against a file's original text: replace {@code [start, end)} with {@code text} (an insertion
 * when start == end). {@code order} keeps insertions at one point in the order of the findings.
 */
record Edit(String file, int start, int end, String text, int order) {
    Edit {
        if (start < 0 || end < start) {
            throw new IllegalArgumentException("bad edit range " + start + ".." + end + " in " + file);
        }
    }

    static Edit insert(String file, int at, String text, int order) {
        return new Edit(file, at, at, text, order);
    }

    boolean isInsertion() {
        return start == end;
    }
}
