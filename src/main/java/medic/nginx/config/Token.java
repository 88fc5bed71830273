package medic.nginx.config;

/**
 * One word of a directive as nginx reads it: {@code value} is what nginx sees (quotes removed, escapes
 * applied), {@code raw} is the exact source text, {@code offset} its position in the file.
 */
public record Token(String value, String raw, boolean quoted, int offset, int line, int column) {
}
