package medic.nginx.model;

import java.util.ArrayList;
import java.util.List;
import medic.nginx.config.Directive;

/**
 * The {@code proxy_set_header} lines in force at a location. nginx takes them from the innermost level that
 * has any and ignores every outer one, so {@code dropped} lists outer headers a local line silently discards.
 */
public record HeaderSet(List<Directive> headers, Scope level, List<Directive> dropped) {

    /** The directive setting {@code header} (case-insensitive), or null. */
    public Directive get(String header) {
        Directive found = null;
        for (Directive d : headers) {
            if (d.argCount() >= 1 && d.arg(0).equalsIgnoreCase(header)) {
                found = d;
            }
        }
        return found;
    }

    public String value(String header) {
        Directive d = get(header);
        return d == null || d.argCount() < 2 ? null : d.arg(1);
    }

    public boolean has(String header) {
        return get(header) != null;
    }

    /** Dropped outer lines for a header this level does not set again. */
    public List<Directive> droppedWithoutReplacement() {
        if (dropped.isEmpty()) {
            return List.of();
        }
        List<Directive> kept = new ArrayList<>(dropped.size());
        for (Directive d : dropped) {
            if (d.argCount() >= 1 && !has(d.arg(0))) {
                kept.add(d);
            }
        }
        return List.copyOf(kept);
    }
}
