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

    private int count(char sign) {
        int n = 0;
        String[] lines = diff.split("\n");
        for (int i = 2; i < lines.length; i++) {
            if (!lines[i].isEmpty() && lines[i].charAt(0) == sign) {
                n++;
            }
        }
        return n;
    }
}
