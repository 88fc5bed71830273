package medic.remote;

/** POSIX shell quoting: one argument, passed through {@code /bin/sh} verbatim. */
public final class ShellQuote {

    private ShellQuote() {
    }

    /** {@code text} in single quotes; an embedded {@code '} becomes {@code '\''}. Nothing inside expands. */
    public static String single(String text) {
        if (text.indexOf('\0') >= 0) {
            throw new IllegalArgumentException("a shell argument cannot hold a NUL byte");
        }
        return "'" + text.replace("'", "'\\''") + "'";
    }
}
