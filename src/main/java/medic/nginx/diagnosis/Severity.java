package medic.nginx.diagnosis;

/** How urgently a finding needs attention; log evidence raises it one step. */
public enum Severity {
    LOW, MEDIUM, HIGH, CRITICAL;

    public Severity raised() {
        return this == CRITICAL ? CRITICAL : values()[ordinal() + 1];
    }

    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
