package medic.inventory.yaml;

/** A YAML scalar: its text as written and the type YAML gave it (so {@code port: "22"} is a string, not a number). */
public record YamlScalar(String text, Type type, Location location, String path) implements YamlNode {
    /** The YAML types medic tells apart. */
    public enum Type { STRING, INTEGER, FLOAT, BOOLEAN, NULL }

    @Override
    public String describe() {
        return switch (type) {
            case STRING -> "the text \"" + text + "\"";
            case INTEGER, FLOAT -> "the number " + text;
            case BOOLEAN -> "the boolean " + text;
            case NULL -> "an empty value";
        };
    }
}
