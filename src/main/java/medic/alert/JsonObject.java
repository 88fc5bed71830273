package medic.alert;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.Map;

/** A JSON object read field by field, each failure naming the field's path (e.g. {@code alerts[2].labels.host}). */
record JsonObject(JsonNode node, String path) {

    static JsonObject at(JsonNode node, String path) {
        if (node == null || !node.isObject()) {
            throw new PayloadException((path.isEmpty() ? "body" : path) + ": expected a JSON object, got "
                    + kind(node));
        }
        return new JsonObject(node, path);
    }

    String field(String name) {
        return path.isEmpty() ? name : path + "." + name;
    }

    JsonNode required(String name) {
        JsonNode value = node.get(name);
        if (value == null || value.isNull()) {
            throw new PayloadException(field(name) + ": missing");
        }
        return value;
    }

    String requiredText(String name) {
        return text(name, required(name));
    }

    String optionalText(String name) {
        JsonNode value = node.get(name);
        return value == null || value.isNull() ? "" : text(name, value);
    }

    private String text(String name, JsonNode value) {
        if (!value.isTextual()) {
            throw new PayloadException(field(name) + ": expected a string, got " + kind(value));
        }
        return value.textValue();
    }

    int optionalCount(String name) {
        JsonNode value = node.get(name);
        if (value == null || value.isNull()) {
            return 0;
        }
        if (!value.isIntegralNumber() || !value.canConvertToInt() || value.intValue() < 0) {
            throw new PayloadException(field(name) + ": expected a whole number of 0 or more, got " + value);
        }
        return value.intValue();
    }

    /** A JSON object of string values (labels, annotations); absent counts as empty unless required. */
    Map<String, String> stringMap(String name, boolean required) {
        JsonNode value = required ? required(name) : node.get(name);
        Map<String, String> values = new LinkedHashMap<>();
        if (value == null || value.isNull()) {
            return values;
        }
        JsonObject object = at(value, field(name));
        for (Map.Entry<String, JsonNode> entry : value.properties()) {
            if (entry.getKey().isEmpty()) {
                throw new PayloadException(object.field("\"\"") + ": a label name must not be empty");
            }
            values.put(entry.getKey(), object.text(entry.getKey(), entry.getValue()));
        }
        return values;
    }

    static String kind(JsonNode node) {
        if (node == null || node.isNull()) {
            return "null";
        }
        return switch (node.getNodeType()) {
            case ARRAY -> "an array";
            case OBJECT -> "an object";
            case STRING -> "a string";
            case NUMBER -> "a number";
            case BOOLEAN -> "a boolean";
            default -> node.getNodeType().name().toLowerCase(java.util.Locale.ROOT);
        };
    }
}
