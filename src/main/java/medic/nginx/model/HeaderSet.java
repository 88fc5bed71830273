package medic.nginx.model;

import java.util.ArrayList;
import java.util.List;
import medic.nginx.config.Directive;

/**
 * The {@code proxy_set_header} lines in force at a location. nginx takes them from the innermost level that
 * has any and ignores every outer one, so {@code dropped} lists outer headers a local line silently discards.
 * It depends on that level alone, so the model makes one per level and every location below shares it.
 */
public final class HeaderSet {
    private final List<Directive> headers;
    private final Scope level;
    private final List<Directive> dropped;
    /** The header name of each line, lower-cased when ASCII (which changes no case-insensitive comparison). */
    private final String[] keys;
    private final List<Directive> droppedWithoutReplacement;

    public HeaderSet(List<Directive> headers, Scope level, List<Directive> dropped) {
        this.headers = headers;
        this.level = level;
        this.dropped = dropped;
        this.keys = new String[headers.size()];
        for (int i = 0; i < keys.length; i++) {
            Directive d = headers.get(i);
            keys[i] = d.argCount() >= 1 ? asciiLower(d.arg(0)) : null;
        }
        this.droppedWithoutReplacement = withoutReplacement();
    }

    public List<Directive> headers() {
        return headers;
    }

    public Scope level() {
        return level;
    }

    public List<Directive> dropped() {
        return dropped;
    }

    /** The directive setting {@code header} (case-insensitive), or null. */
    public Directive get(String header) {
        for (int i = keys.length - 1; i >= 0; i--) {
            if (keys[i] != null && keys[i].equalsIgnoreCase(header)) {
                return headers.get(i);
            }
        }
        return null;
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
        return droppedWithoutReplacement;
    }

    private List<Directive> withoutReplacement() {
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

    private static String asciiLower(String name) {
        boolean upper = false;
        for (int i = 0; i < name.length(); i++) {
            char ch = name.charAt(i);
            if (ch >= 0x80) {
                return name;
            }
            upper |= ch >= 'A' && ch <= 'Z';
        }
        return upper ? name.toLowerCase(java.util.Locale.ROOT) : name;
    }

    @Override
    public String toString() {
        return "HeaderSet[headers=" + headers + ", level=" + level + ", dropped=" + dropped + "]";
    }
}
