package medic.incident;

import java.util.Comparator;

/** What groups alerts into one incident: the inventory host and the upstream ("*" when the alert names none). */
public record IncidentKey(String host, String upstream) implements Comparable<IncidentKey> {

    public static final String ANY_UPSTREAM = "*";

    private static final Comparator<IncidentKey> ORDER =
            Comparator.comparing(IncidentKey::host).thenComparing(IncidentKey::upstream);

    @Override
    public int compareTo(IncidentKey other) {
        return ORDER.compare(this, other);
    }

    @Override
    public String toString() {
        return host + "/" + upstream;
    }
}
