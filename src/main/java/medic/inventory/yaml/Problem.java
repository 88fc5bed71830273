package medic.inventory.yaml;

/**
 * One thing wrong in a configuration file, said the way an editor can jump to it:
 * {@code file:line:column: field hosts[2].port: what is wrong and what to do}.
 */
public record Problem(Location location, String field, String message) {
    @Override
    public String toString() {
        return location + ": " + (field == null || field.isEmpty() ? "" : "field " + field + ": ") + message;
    }

    /** The same text without the file name (fixtures compare this, since the path depends on the checkout). */
    public String withoutFile() {
        String full = toString();
        return full.substring(location.file().length() + 1);
    }
}
