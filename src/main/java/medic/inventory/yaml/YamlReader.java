package medic.inventory.yaml;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.JacksonYAMLParseException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads one YAML document into {@link YamlNode}s that remember their line and column. Strict on purpose: a
 * repeated key, an alias, a second document or a root that is not a mapping is a problem, not a guess.
 */
public final class YamlReader {
    private static final YAMLFactory FACTORY = new YAMLFactory();

    private final String file;
    private final Problems problems;
    private YAMLParser parser;

    private YamlReader(String file, Problems problems) {
        this.file = file;
        this.problems = problems;
    }

    /** The document's root mapping, or empty when the text is not usable YAML (the reason is in problems). */
    public static Optional<YamlMap> read(String text, String file, Problems problems) {
        return new YamlReader(file, problems).document(text);
    }

    private Optional<YamlMap> document(String text) {
        try (YAMLParser p = FACTORY.createParser(text)) {
            parser = p;
            JsonToken first = parser.nextToken();
            if (first == null) {
                problems.add(new Location(file, 1, 1), null, "the file is empty (or only comments); see the documented example");
                return Optional.empty();
            }
            YamlNode root = node(first, "");
            if (parser.nextToken() != null) {
                problems.add(here(), null, "a second YAML document (---) follows; keep one document per file");
                return Optional.empty();
            }
            if (root instanceof YamlMap map) {
                return Optional.of(map);
            }
            problems.add(root.location(), null, "the file holds " + root.describe()
                    + " at the top; it must be a mapping of fields (name: value)");
            return Optional.empty();
        } catch (JacksonYAMLParseException e) {
            problems.add(syntaxLocation(e), null, "YAML syntax: " + syntaxMessage(e));
            return Optional.empty();
        } catch (AliasFound e) {
            return Optional.empty();
        } catch (IOException e) {
            problems.add(new Location(file, 1, 1), null, "cannot read YAML: "
                    + e.getMessage().lines().findFirst().orElse("unreadable"));
            return Optional.empty();
        }
    }

    private YamlNode node(JsonToken token, String path) throws IOException {
        Location at = here();
        if (parser.isCurrentAlias()) {
            problems.add(at, path, "YAML aliases (*" + parser.getText() + ") are not supported; write the value out");
            throw new AliasFound();
        }
        return switch (token) {
            case START_OBJECT -> mapping(at, path);
            case START_ARRAY -> list(at, path);
            case VALUE_STRING -> new YamlScalar(parser.getText(), YamlScalar.Type.STRING, at, path);
            case VALUE_NUMBER_INT -> new YamlScalar(parser.getText(), YamlScalar.Type.INTEGER, at, path);
            case VALUE_NUMBER_FLOAT -> new YamlScalar(parser.getText(), YamlScalar.Type.FLOAT, at, path);
            case VALUE_TRUE, VALUE_FALSE -> new YamlScalar(parser.getText(), YamlScalar.Type.BOOLEAN, at, path);
            case VALUE_NULL -> new YamlScalar("", YamlScalar.Type.NULL, at, path);
            default -> new YamlScalar(parser.getText(), YamlScalar.Type.STRING, at, path);
        };
    }

    private YamlMap mapping(Location at, String path) throws IOException {
        Map<String, YamlMap.Entry> entries = new LinkedHashMap<>();
        for (JsonToken token = parser.nextToken(); token != null && token != JsonToken.END_OBJECT;
                token = parser.nextToken()) {
            String key = parser.currentName();
            Location keyAt = here();
            String childPath = path.isEmpty() ? key : path + "." + key;
            YamlNode value = node(parser.nextToken(), childPath);
            YamlMap.Entry earlier = entries.get(key);
            if (earlier != null) {
                problems.add(keyAt, childPath, "repeated key (first at line " + earlier.keyLocation().line()
                        + "); keep one");
            } else {
                entries.put(key, new YamlMap.Entry(key, keyAt, value));
            }
        }
        return new YamlMap(entries, at, path);
    }

    private YamlList list(Location at, String path) throws IOException {
        List<YamlNode> items = new ArrayList<>();
        for (JsonToken token = parser.nextToken(); token != null && token != JsonToken.END_ARRAY;
                token = parser.nextToken()) {
            items.add(node(token, path + "[" + items.size() + "]"));
        }
        return new YamlList(items, at, path);
    }

    private Location here() {
        JsonLocation l = parser.currentTokenLocation();
        return new Location(file, Math.max(1, l.getLineNr()), Math.max(1, l.getColumnNr()));
    }

    private Location syntaxLocation(Exception e) {
        if (e.getCause() instanceof org.yaml.snakeyaml.error.MarkedYAMLException marked
                && marked.getProblemMark() != null) {
            return new Location(file, marked.getProblemMark().getLine() + 1, marked.getProblemMark().getColumn() + 1);
        }
        return parser == null ? new Location(file, 1, 1) : here();
    }

    private static String syntaxMessage(Exception e) {
        if (e.getCause() instanceof org.yaml.snakeyaml.error.MarkedYAMLException marked) {
            String problem = marked.getProblem() == null ? "unreadable YAML" : marked.getProblem();
            return marked.getContext() == null ? problem : problem + " (" + marked.getContext() + ")";
        }
        return e.getMessage().lines().findFirst().orElse("unreadable YAML");
    }

    /** Stops reading at the first alias: what follows would be built on a value medic does not have. */
    private static final class AliasFound extends RuntimeException {
        AliasFound() {
            super(null, null, false, false);
        }
    }
}
