package medic.slack.message;

import java.util.List;
import java.util.Map;

/**
 * One parsed template: literal text and placeholders, with where it was read from (file:line) for errors.
 * Rendering escapes every value for mrkdwn unless it is already {@link Mrkdwn}; plain templates take text only.
 */
record Template(TemplateSpec spec, String origin, List<Segment> segments) {
    /** A piece of a template. */
    sealed interface Segment permits Literal, Placeholder { }

    record Literal(String text) implements Segment { }

    /** {@code {name}} or {@code {name:code}} (inline code). */
    record Placeholder(String name, boolean code) implements Segment { }

    Template {
        segments = List.copyOf(segments);
    }

    String render(Map<String, ?> values) {
        for (String given : values.keySet()) {
            if (!spec.placeholders().contains(given)) {
                throw new IllegalArgumentException("template [" + spec.name() + "] has no placeholder {" + given
                        + "}; it takes " + spec.placeholders());
            }
        }
        StringBuilder out = new StringBuilder();
        for (Segment segment : segments) {
            if (segment instanceof Literal literal) {
                out.append(literal.text());
            } else if (segment instanceof Placeholder placeholder) {
                if (!values.containsKey(placeholder.name())) {
                    throw new IllegalArgumentException("template [" + spec.name() + "] (" + origin
                            + ") uses {" + placeholder.name() + "} but no value was given");
                }
                out.append(value(values.get(placeholder.name()), placeholder.code()));
            }
        }
        return out.toString();
    }

    private String value(Object value, boolean code) {
        if (spec.kind() == TemplateSpec.Kind.PLAIN) {
            if (value instanceof Mrkdwn) {
                throw new IllegalArgumentException("template [" + spec.name() + "] is plain text: pass text, not mrkdwn");
            }
            return Mrkdwn.plain(String.valueOf(value));
        }
        if (value instanceof Mrkdwn markup) {
            if (code) {
                throw new IllegalArgumentException("template [" + spec.name() + "]: {...:code} takes text, not mrkdwn");
            }
            return markup.text();
        }
        String text = value == null ? "" : String.valueOf(value);
        return code ? Mrkdwn.code(text).text() : Mrkdwn.escape(text);
    }
}
