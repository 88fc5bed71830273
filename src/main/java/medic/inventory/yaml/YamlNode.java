package medic.inventory.yaml;

/**
 * One node of a YAML document read with its position, so every check made after parsing can still say
 * {@code file:line:column} and the field's path ({@code hosts[2].port}).
 */
public sealed interface YamlNode permits YamlScalar, YamlMap, YamlList {
    Location location();

    /** The field's path from the document root, e.g. {@code hosts[2].nginx.binary}. */
    String path();

    /** How the node is called in messages: "a mapping", "a list", "a number"... */
    String describe();
}
