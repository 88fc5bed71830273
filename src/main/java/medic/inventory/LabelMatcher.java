package medic.inventory;

import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * One Alertmanager-style label matcher: {@code name="value"}, {@code name!="value"}, {@code name=~"regex"} or
 * {@code name!~"regex"}. As in Alertmanager, a label the alert lacks counts as the empty string and regexes
 * are anchored at both ends, so {@code instance=~"edge-.*"} must match the whole value.
 */
public final class LabelMatcher {
    /** The four matcher operators. */
    public enum Op {
        EQUAL("="), NOT_EQUAL("!="), REGEX("=~"), NOT_REGEX("!~");

        private final String symbol;

        Op(String symbol) {
            this.symbol = symbol;
        }

        public String symbol() {
            return symbol;
        }
    }

    private static final Pattern SYNTAX = Pattern.compile("\\s*([a-zA-Z_][a-zA-Z0-9_]*)\\s*(=~|!~|!=|=)\\s*(.*?)\\s*");
    private static final Pattern LABEL_NAME = Pattern.compile("[a-zA-Z_][a-zA-Z0-9_]*");

    private final String name;
    private final Op op;
    private final String value;
    private final Pattern regex;

    private LabelMatcher(String name, Op op, String value) {
        this.name = name;
        this.op = op;
        this.value = value;
        this.regex = op == Op.REGEX || op == Op.NOT_REGEX ? Pattern.compile("^(?:" + value + ")$", Pattern.DOTALL) : null;
    }

    /** An equality matcher, as written in a {@code labels:} map. */
    public static LabelMatcher equal(String name, String value) {
        if (!LABEL_NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("\"" + name + "\" is not a label name: use letters, digits and _, not starting with a digit");
        }
        return new LabelMatcher(name, Op.EQUAL, value);
    }

    /**
     * Parses Alertmanager's matcher syntax; the value may be double-quoted (with {@code \"}, {@code \\} and
     * {@code \n} escapes) or bare. Throws IllegalArgumentException with a message for people.
     */
    public static LabelMatcher parse(String text) {
        Matcher m = SYNTAX.matcher(text);
        if (!m.matches()) {
            throw new IllegalArgumentException("\"" + text + "\" is not a matcher; write label=\"value\", label!=\"value\","
                    + " label=~\"regex\" or label!~\"regex\"");
        }
        Op op = switch (m.group(2)) {
            case "=" -> Op.EQUAL;
            case "!=" -> Op.NOT_EQUAL;
            case "=~" -> Op.REGEX;
            default -> Op.NOT_REGEX;
        };
        String value = unquote(m.group(3), text);
        try {
            return new LabelMatcher(m.group(1), op, value);
        } catch (PatternSyntaxException e) {
            throw new IllegalArgumentException("\"" + value + "\" is not a valid regular expression ("
                    + e.getDescription() + " near index " + e.getIndex() + ")");
        }
    }

    private static String unquote(String raw, String text) {
        if (!raw.startsWith("\"")) {
            if (raw.contains("\"")) {
                throw new IllegalArgumentException("\"" + text + "\": quote the whole value, e.g. instance=\"edge-1:9113\"");
            }
            return raw;
        }
        if (raw.length() < 2 || !raw.endsWith("\"")) {
            throw new IllegalArgumentException("\"" + text + "\": the value's closing quote is missing");
        }
        StringBuilder out = new StringBuilder();
        for (int i = 1; i < raw.length() - 1; i++) {
            char c = raw.charAt(i);
            if (c == '"') {
                throw new IllegalArgumentException("\"" + text + "\": a quote inside the value must be written \\\"");
            }
            if (c == '\\') {
                if (i + 1 >= raw.length() - 1) {
                    throw new IllegalArgumentException("\"" + text + "\": the value ends with a lone backslash");
                }
                char next = raw.charAt(++i);
                out.append(next == 'n' ? '\n' : next);
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    public String name() {
        return name;
    }

    public Op op() {
        return op;
    }

    public String value() {
        return value;
    }

    /** True when the alert's labels satisfy this matcher (a missing label is the empty string). */
    public boolean matches(Map<String, String> labels) {
        String actual = labels.getOrDefault(name, "");
        return switch (op) {
            case EQUAL -> actual.equals(value);
            case NOT_EQUAL -> !actual.equals(value);
            case REGEX -> regex.matcher(actual).matches();
            case NOT_REGEX -> !regex.matcher(actual).matches();
        };
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof LabelMatcher m && m.name.equals(name) && m.op == op && m.value.equals(value);
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, op, value);
    }

    /** The matcher in Alertmanager's syntax, e.g. {@code instance="edge-1:9113"}. */
    @Override
    public String toString() {
        return name + op.symbol + '"' + value.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + '"';
    }
}
