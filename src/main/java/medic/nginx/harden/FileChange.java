package medic.nginx.harden;

/**
 * One file the hardening changes: its absolute path, the path relative to the config's base directory (what
 * the diff headers use), the text before and after, and the unified diff between them.
 */
public record FileChange(String path, String relativePath, String before, String after, String diff) {

    /** Lines the diff adds. */
    public int added() {
        return count('+');
    }

    /** Lines the diff removes. */
    public int removed() {
        return count('-');
    }

    /** Lines after the two file headers that start with {@code sign} (content lines; hunk headers start with @). */
    private int count(char sign) {
        int n = 0;
        int line = 0;
        for (int start = 0; start < diff.length(); line++) {
            int nl = diff.indexOf('\n', start);
            if (line >= 2 && diff.charAt(start) == sign) {
                n++;
            }
            start = nl < 0 ? diff.length() : nl + 1;
        }
        return n;
    }
}
