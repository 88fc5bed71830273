package medic.slack.message;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads one template file: {@code [name]} lines start a template, its text follows up to the next one;
 * {@code #} lines are comments ({@code \#} for a literal one); {@code {name}} and {@code {name:code}} are
 * placeholders, {@code {{} and {@code }}} literal braces. Every mistake is an error naming file and line.
 */
final class TemplateFile {
    private static final Pattern SECTION = Pattern.compile("\\[([a-z0-9_.-]+)]");
    private static final Pattern PLACEHOLDER = Pattern.compile("([a-z][a-z0-9_]*)(?::([a-z]+))?");

    /** A line of template text and its number in the file. */
    private record Line(int number, String text) { }

    private TemplateFile() {
    }

    /** Parses {@code content} read from {@code origin}; {@code specs} are the templates this file may define. */
    static Map<String, Template> parse(String origin, String content, Map<String, TemplateSpec> specs) {
        Map<String, Template> templates = new LinkedHashMap<>();
        String[] lines = content.replace("\r\n", "\n").split("\n", -1);
        TemplateSpec current = null;
        int start = 0;
        List<Line> body = new ArrayList<>();
        for (int i = 0; i <= lines.length; i++) {
            String line = i < lines.length ? lines[i] : null;
            Matcher section = line == null ? null : SECTION.matcher(line.strip());
            if (line == null || section.matches()) {
                if (current != null) {
                    templates.put(current.name(), build(origin, start, current, body));
                }
                if (line == null) {
                    break;
                }
                current = spec(origin, i + 1, section.group(1), specs, templates.keySet());
                start = i + 1;
                body = new ArrayList<>();
            } else if (!line.startsWith("#")) {
                String text = line.startsWith("\\#") ? line.substring(1) : line;
                if (current == null && !text.isBlank()) {
                    throw new TemplateException(origin + ":" + (i + 1) + ": text before the first [template-name] line;"
                            + " start the file with a [name] line");
                }
                body.add(new Line(i + 1, text));
            }
        }
        return templates;
    }

    private static TemplateSpec spec(String origin, int line, String name, Map<String, TemplateSpec> specs,
                                     Set<String> seen) {
        TemplateSpec spec = specs.get(name);
        if (spec == null) {
            Set<String> known = new TreeSet<>(specs.keySet());
            throw new TemplateException(origin + ":" + line + ": unknown template [" + name + "]; this file defines "
                    + known);
        }
        if (seen.contains(name)) {
            throw new TemplateException(origin + ":" + line + ": template [" + name + "] is defined twice");
        }
        return spec;
    }

    private static Template build(String origin, int headerLine, TemplateSpec spec, List<Line> body) {
        int first = 0;
        int last = body.size();
        while (first < last && body.get(first).text().isBlank()) {
            first++;
        }
        while (last > first && body.get(last - 1).text().isBlank()) {
            last--;
        }
        if (first == last) {
            throw new TemplateException(origin + ":" + headerLine + ": template [" + spec.name() + "] is empty");
        }
        List<Template.Segment> segments = new ArrayList<>();
        Set<String> used = new TreeSet<>();
        for (int i = first; i < last; i++) {
            String where = origin + ":" + body.get(i).number();
            if (i > first) {
                segments.add(new Template.Literal("\n"));
            }
            parseLine(where, body.get(i).text(), spec, segments, used);
        }
        Set<String> missing = new TreeSet<>(spec.required());
        missing.removeAll(used);
        if (!missing.isEmpty()) {
            throw new TemplateException(origin + ":" + headerLine + ": template [" + spec.name() + "] must use "
                    + braces(missing) + "; it may use " + braces(spec.placeholders()));
        }
        return new Template(spec, origin + ":" + headerLine, segments);
    }

    private static void parseLine(String where, String line, TemplateSpec spec, List<Template.Segment> segments,
                                  Set<String> used) {
        StringBuilder literal = new StringBuilder();
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            boolean doubled = i + 1 < line.length() && line.charAt(i + 1) == c;
            if ((c == '{' || c == '}') && doubled) {
                literal.append(c);
                i++;
            } else if (c == '}') {
                throw new TemplateException(where + ": stray '}' in [" + spec.name() + "]; write }} for a literal brace");
            } else if (c == '{') {
                int close = line.indexOf('}', i);
                if (close < 0) {
                    throw new TemplateException(where + ": unclosed '{' in [" + spec.name()
                            + "]; write {{ for a literal brace");
                }
                segments.add(literal(literal, spec));
                literal.setLength(0);
                segments.add(placeholder(where, line.substring(i + 1, close), spec));
                used.add(((Template.Placeholder) segments.get(segments.size() - 1)).name());
                i = close;
            } else {
                literal.append(c);
            }
        }
        segments.add(literal(literal, spec));
    }

    /** Template text is escaped too: markup (*bold*, `code`, :emoji:) works, Slack's <...> sequences do not. */
    private static Template.Literal literal(StringBuilder text, TemplateSpec spec) {
        return new Template.Literal(spec.kind() == TemplateSpec.Kind.MRKDWN ? Mrkdwn.escape(text.toString())
                : text.toString());
    }

    private static Template.Placeholder placeholder(String where, String inside, TemplateSpec spec) {
        Matcher m = PLACEHOLDER.matcher(inside);
        if (!m.matches()) {
            throw new TemplateException(where + ": {" + inside + "} in [" + spec.name() + "] is not a placeholder;"
                    + " write {name} or {name:code}");
        }
        if (!spec.placeholders().contains(m.group(1))) {
            throw new TemplateException(where + ": unknown placeholder {" + m.group(1) + "} in [" + spec.name()
                    + "]; it may use " + (spec.placeholders().isEmpty() ? "none" : braces(spec.placeholders())));
        }
        String filter = m.group(2);
        if (filter != null && !filter.equals("code")) {
            throw new TemplateException(where + ": unknown filter :" + filter + " in [" + spec.name()
                    + "]; the only filter is :code (inline code)");
        }
        if (filter != null && spec.kind() == TemplateSpec.Kind.PLAIN) {
            throw new TemplateException(where + ": [" + spec.name() + "] is plain text (no markup): drop :code");
        }
        return new Template.Placeholder(m.group(1), filter != null);
    }

    private static String braces(Set<String> names) {
        return new TreeSet<>(names).stream().map(n -> "{" + n + "}").toList().toString();
    }
}
