package medic.nginx.model;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

/**
 * Picks the location nginx uses for a URI, following {@code ngx_http_core_find_location}: an exact match
 * wins; else the longest prefix is remembered and its nested locations searched; unless that prefix is
 * {@code ^~}, regexes are then tried in file order (nested ones first, by the recursion), the first match
 * winning; else the remembered prefix. Named locations never match.
 */
public final class LocationMatcher {
    private enum Outcome { DECLINED, PREFIX, FINAL }

    private record Result(Location location, Outcome outcome) {
    }

    private LocationMatcher() {
    }

    /** The location serving {@code uri} in {@code server}; empty when no location matches. */
    public static Optional<Location> match(Server server, String uri) {
        return Optional.ofNullable(find(server.locations(), normalize(uri), null).location());
    }

    private static Result find(List<Location> level, String uri, Location current) {
        Location prefix = null;
        for (Location location : level) {
            switch (location.kind()) {
                case EXACT -> {
                    if (uri.equals(location.pattern())) {
                        return new Result(location, Outcome.FINAL);
                    }
                }
                case PREFIX, PREFIX_NO_REGEX -> {
                    if (uri.startsWith(location.pattern())
                            && (prefix == null || location.pattern().length() > prefix.pattern().length())) {
                        prefix = location;
                    }
                }
                default -> { }
            }
        }
        Result result = new Result(current, Outcome.DECLINED);
        boolean noRegex = false;
        if (prefix != null) {
            noRegex = prefix.kind() == Location.Kind.PREFIX_NO_REGEX;
            Result inner = find(prefix.nested(), uri, prefix);
            if (inner.outcome() == Outcome.FINAL) {
                return inner;
            }
            result = new Result(inner.location(), Outcome.PREFIX);
        }
        if (!noRegex) {
            for (Location location : level) {
                if (location.isRegex() && location.regex() != null && location.regex().matcher(uri).find()) {
                    return new Result(find(location.nested(), uri, location).location(), Outcome.FINAL);
                }
            }
        }
        return result;
    }

    /** The path nginx matches: no query string, percent-decoded, repeated slashes merged. */
    static String normalize(String uri) {
        String path = uri;
        int query = path.indexOf('?');
        if (query >= 0) {
            path = path.substring(0, query);
        }
        if (path.indexOf('%') >= 0) {
            try {
                path = URLDecoder.decode(path.replace("+", "%2B"), StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                // nginx answers 400 to a broken escape; keep the raw path so the request still maps somewhere.
            }
        }
        while (path.contains("//")) {
            path = path.replace("//", "/");
        }
        return path.isEmpty() ? "/" : path;
    }
}
