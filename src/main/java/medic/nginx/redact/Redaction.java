package medic.nginx.redact;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Redacted text plus how many secrets of each kind were masked in it.
 *
 * @param text         the input with every recognised secret replaced by {@link SecretKind#mask()}; same line count
 * @param maskedByKind number of masks written per kind (kinds with none are absent)
 */
public record Redaction(String text, Map<SecretKind, Integer> maskedByKind) {

    public Redaction {
        Objects.requireNonNull(text, "text");
        EnumMap<SecretKind, Integer> copy = new EnumMap<>(SecretKind.class);
        copy.putAll(maskedByKind);
        maskedByKind = Collections.unmodifiableMap(copy);
    }

    /** Total number of masks written. */
    public int maskedCount() {
        return maskedByKind.values().stream().mapToInt(Integer::intValue).sum();
    }

    /** The kinds of secret found, in declaration order. */
    public Set<SecretKind> kinds() {
        return maskedByKind.keySet();
    }

    public boolean maskedAnything() {
        return !maskedByKind.isEmpty();
    }
}
