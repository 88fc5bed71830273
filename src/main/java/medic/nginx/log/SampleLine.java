package medic.nginx.log;

/** A line kept as evidence: its number in the file and its text, cut to a readable length. */
public record SampleLine(long lineNumber, String text) {
    static SampleLine of(long lineNumber, String text, int maxChars) {
        return new SampleLine(lineNumber, text.length() <= maxChars ? text : text.substring(0, maxChars) + "…");
    }
}
