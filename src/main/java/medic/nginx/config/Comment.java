package medic.nginx.config;

/** A {@code #} comment that stands where a directive could start; {@code text} runs to the end of its line. */
public record Comment(String prefix, String text, int offset, int line, int column) implements Node {
    @Override
    public void print(StringBuilder out) {
        out.append(prefix).append(text);
    }
}
