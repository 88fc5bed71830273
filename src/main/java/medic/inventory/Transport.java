package medic.inventory;

/** How medic reaches a host: over SSH, or by running processes itself when it lives on the nginx host. */
public enum Transport {
    SSH, LOCAL;

    /** The spelling used in the inventory file. */
    public String yamlName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
