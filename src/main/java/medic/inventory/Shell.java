package medic.inventory;

/** POSIX shell quoting: the one way a value is put into a command line medic runs. */
public final class Shell {
    private Shell() {
    }

    /**
     * The value as one single-quoted shell word. Inside single quotes the shell interprets nothing ({@code $},
     * backticks, {@code ;}, newlines stay literal); a single quote is closed, escaped and reopened.
     */
    public static String quote(String value) {
        if (value.indexOf('\0') >= 0) {
            throw new IllegalArgumentException("a NUL byte cannot be passed to a shell");
        }
        return "'" + value.replace("'", "'\\''") + "'";
    }
}
