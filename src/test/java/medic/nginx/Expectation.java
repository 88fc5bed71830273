package medic.nginx;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One line of a fixture's expected.txt (format in fixtures/EXPECTED-FORMAT.txt): {@code RULE file:line} must be
 * found, {@code !RULE} must not fire anywhere, {@code !RULE file:line} must not fire there.
 */
record Expectation(String text, boolean present, String rule, String file, int line) {
    private static final Pattern LINE = Pattern.compile("(!?)([A-Z]{2}\\d{2})(?:\\s+(\\S+):(\\d+))?");

    static Expectation parse(String text, String where) {
        Matcher m = LINE.matcher(text);
        if (!m.matches()) {
            throw new IllegalArgumentException(where + ": \"" + text
                    + "\" is not RULE file:line, !RULE or !RULE file:line (see fixtures/EXPECTED-FORMAT.txt)");
        }
        boolean present = m.group(1).isEmpty();
        if (present && m.group(3) == null) {
            throw new IllegalArgumentException(where + ": \"" + text + "\" must name file:line where the finding is");
        }
        int line = m.group(3) == null ? 0 : Integer.parseInt(m.group(4));
        return new Expectation(text, present, m.group(2), m.group(3), line);
    }

    /** True for {@code !RULE} without a place: the rule must not fire anywhere. */
    boolean anywhere() {
        return file == null;
    }
}
