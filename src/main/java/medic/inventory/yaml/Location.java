package medic.inventory.yaml;

/** A place in a configuration file as people quote it: {@code file:line:column}, both counted from 1. */
public record Location(String file, int line, int column) {
    @Override
    public String toString() {
        return file + ":" + line + ":" + column;
    }
}
