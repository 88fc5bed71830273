package medic.nginx.diagnosis.rules;

import java.util.Collection;
import medic.nginx.model.Location;

/**
 * Predicts where URIs would go once a prefix location gets {@code ^~}: nginx still prefers an exact match and
 * a longer prefix, and still searches the locations nested in the prefix, but skips the regexes of its level.
 */
final class NoRegexRouting {
    private NoRegexRouting() {
    }

    /** True when {@code ^~} on {@code prefix} would make it serve every URI that {@code regex} takes today. */
    static boolean wouldServe(Location prefix, Location regex, Collection<String> uris) {
        if (prefix.kind() != Location.Kind.PREFIX || prefix.parent() != null || !regex.isRegex()
                || regex.parent() != null) {
            return false;
        }
        return uris.stream().allMatch(uri -> servedByPrefixAlone(prefix, uri));
    }

    private static boolean servedByPrefixAlone(Location prefix, String uri) {
        if (!uri.startsWith(prefix.pattern())) {
            return false;
        }
        for (Location other : prefix.server().locations()) {
            boolean exact = other.kind() == Location.Kind.EXACT && other.pattern().equals(uri);
            boolean longer = (other.kind() == Location.Kind.PREFIX || other.kind() == Location.Kind.PREFIX_NO_REGEX)
                    && other != prefix && uri.startsWith(other.pattern())
                    && other.pattern().length() > prefix.pattern().length();
            if (exact || longer) {
                return false;
            }
        }
        return prefix.nested().stream().noneMatch(nested -> WebSocketUrisServedElsewhere.matches(nested, uri));
    }
}
