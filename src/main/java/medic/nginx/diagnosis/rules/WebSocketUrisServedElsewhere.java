package medic.nginx.diagnosis.rules;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import medic.nginx.diagnosis.Analysis;
import medic.nginx.diagnosis.Change;
import medic.nginx.diagnosis.Finding;
import medic.nginx.diagnosis.Findings;
import medic.nginx.diagnosis.LogEvent;
import medic.nginx.diagnosis.Rule;
import medic.nginx.diagnosis.Severity;
import medic.nginx.log.FailureClass;
import medic.nginx.model.Location;
import medic.nginx.model.NginxConfig;
import medic.nginx.model.Server;

/**
 * WS05: WebSocket URIs meant for the location that has the Upgrade/Connection recipe are served by another
 * location without it, typically a regex location, which nginx tries after the longest prefix and prefers.
 * Found from the error log (upgraded connections, or handshake failures under a WebSocket-looking prefix), or
 * from the config alone when a regex takes even a plain sub-path of the recipe location ({@code /ws/x}).
 */
public final class WebSocketUrisServedElsewhere implements Rule {
    private static final Set<FailureClass> UPGRADED = Set.of(FailureClass.RESET_UPGRADED_UPSTREAM,
            FailureClass.RESET_UPGRADED_CLIENT, FailureClass.TUNNEL_IDLE_TIMEOUT);

    /** URIs of {@code recipe} that nginx hands to {@code served}: seen in the log, or probed from the config. */
    private record Theft(Location served, Location recipe, Set<String> uris, Set<String> probes,
                         List<String> samples, List<String> configEvidence) {
        /** The URIs to name: real ones from the log when there are any, else the probe. */
        Set<String> shown() {
            return uris.isEmpty() ? probes : uris;
        }

        Set<String> all() {
            Set<String> all = new LinkedHashSet<>(uris);
            all.addAll(probes);
            return all;
        }
    }

    private record Pair(Location served, Location recipe) {
    }

    @Override
    public String id() {
        return "WS05";
    }

    @Override
    public String title() {
        return "WebSocket URIs are served by a location without the Upgrade recipe";
    }

    @Override
    public List<Finding> check(Analysis analysis) {
        NginxConfig config = analysis.config();
        Map<Pair, Theft> thefts = new LinkedHashMap<>();
        fromConfig(config, thefts);
        fromLog(analysis, config, thefts);
        Findings findings = new Findings(this, config);
        return thefts.values().stream().map(t -> finding(findings, config, t)).toList();
    }

    private static void fromConfig(NginxConfig config, Map<Pair, Theft> thefts) {
        for (Server server : config.servers()) {
            for (Location recipe : server.allLocations()) {
                if (recipe.kind() != Location.Kind.PREFIX || recipe.pattern().equals("/")
                        || !WebSocketRecipe.presentAt(config, recipe)) {
                    continue;
                }
                String probe = recipe.pattern() + (recipe.pattern().endsWith("/") ? "x" : "/x");
                if (!someRegexMatches(server, probe)) {
                    continue; // only a regex location can take the probe from its prefix
                }
                Location served = config.locationFor(server, probe).orElse(null);
                if (served != null && served != recipe && served.isRegex()
                        && !WebSocketRecipe.presentAt(config, served)) {
                    Theft theft = theft(thefts, served, recipe);
                    theft.probes().add(probe);
                    theft.configEvidence().add("a request for " + probe + " goes to " + served.label() + " ("
                            + config.where(served.block()) + "), not to " + recipe.label());
                }
            }
        }
    }

    /**
     * False when no regex location of the server matches the probe, so the location serving it is not a regex:
     * a cheap test before the full location search. A probe the matcher would normalise first is left to it.
     */
    private static boolean someRegexMatches(Server server, String probe) {
        if (probe.indexOf('?') >= 0 || probe.indexOf('%') >= 0 || probe.contains("//")) {
            return true;
        }
        for (Location location : server.allLocations()) {
            if (location.isRegex() && location.regex() != null && location.regex().matcher(probe).find()) {
                return true;
            }
        }
        return false;
    }

    private static void fromLog(Analysis analysis, NginxConfig config, Map<Pair, Theft> thefts) {
        for (LogEvent event : analysis.log().events()) {
            if (event.uri() == null) {
                continue;
            }
            Location served = config.locationForLogLine(event.server(), event.host(), event.uri()).orElse(null);
            if (served == null || WebSocketRecipe.presentAt(config, served)) {
                continue;
            }
            boolean upgraded = UPGRADED.contains(event.failure());
            // A handshake is always a GET; other methods are plain HTTP that the regex may serve on purpose.
            if (!upgraded && event.method() != null && !event.method().equalsIgnoreCase("GET")) {
                continue;
            }
            String path = event.uri().contains("?") ? event.uri().substring(0, event.uri().indexOf('?')) : event.uri();
            intended(config, served, path, upgraded).ifPresent(recipe -> {
                Theft theft = theft(thefts, served, recipe);
                theft.uris().add(path);
                if (event.sample() != null) {
                    theft.samples().add(event.sample());
                }
            });
        }
    }

    /**
     * The recipe location the URI was meant for. Without an upgraded-connection line, only a regex taking URIs
     * of a WebSocket-looking location counts: a catch-all {@code /} with the recipe proves nothing about a URI.
     */
    private static Optional<Location> intended(NginxConfig config, Location served, String path, boolean upgraded) {
        if (!upgraded && !served.isRegex()) {
            return Optional.empty();
        }
        Location best = null;
        for (Location candidate : served.server().allLocations()) {
            if (candidate == served || !matches(candidate, path) || !WebSocketRecipe.presentAt(config, candidate)
                    || !upgraded && !WebSocketRecipe.looksLikeWebSocketPath(candidate.pattern())) {
                continue;
            }
            // Like nginx: the longest matching prefix first; a regex only when no prefix matches.
            boolean longerPrefix = best != null && !best.isRegex() && !candidate.isRegex()
                    && candidate.pattern().length() > best.pattern().length();
            if (best == null || best.isRegex() && !candidate.isRegex() || longerPrefix) {
                best = candidate;
            }
        }
        return Optional.ofNullable(best);
    }

    static boolean matches(Location location, String path) {
        return switch (location.kind()) {
            case EXACT -> path.equals(location.pattern());
            case PREFIX, PREFIX_NO_REGEX -> path.startsWith(location.pattern());
            case REGEX, REGEX_CASELESS -> location.regex() != null && location.regex().matcher(path).find();
            case NAMED -> false;
        };
    }

    private static Theft theft(Map<Pair, Theft> thefts, Location served, Location recipe) {
        return thefts.computeIfAbsent(new Pair(served, recipe),
                p -> new Theft(served, recipe, new LinkedHashSet<>(), new LinkedHashSet<>(), new ArrayList<>(),
                        new ArrayList<>()));
    }

    private static Finding finding(Findings findings, NginxConfig config, Theft theft) {
        Location served = theft.served();
        Location recipe = theft.recipe();
        String uris = theft.shown().stream().limit(5).collect(Collectors.joining(", "));
        Findings.Builder builder = findings.at(served.block(), Severity.HIGH)
                .message("nginx serves " + uris + " from " + served.label()
                        + ", which does not pass Upgrade/Connection, although " + recipe.label() + " ("
                        + config.where(recipe.block()) + ") has the WebSocket recipe for them: "
                        + reason(served, recipe) + ".")
                .value(theft.shown().iterator().next() + " -> " + served.label() + " (intended: " + recipe.label() + ")",
                        null)
                .evidence(theft.configEvidence())
                .confirmedBy(theft.samples().stream().distinct().limit(3).toList());
        if (NoRegexRouting.wouldServe(recipe, served, theft.all())) {
            builder.fix("make it location ^~ " + recipe.pattern() + " so regex locations stop taking its URIs"
                            + " (check that no regex location was meant to serve other URIs under "
                            + recipe.pattern() + ")")
                    .change(new Change.MakePrefixNoRegex(recipe.scope()));
        } else if (served.isRegex() && recipe.isRegex() && served.parent() == recipe.parent()) {
            builder.fix("move " + recipe.label() + " above " + served.label()
                    + " (regex locations are tried in file order), or narrow " + served.label());
        } else {
            builder.fix("add the Upgrade/Connection headers to " + served.label() + ", or narrow it so it no longer"
                    + " matches " + uris);
        }
        return builder.build();
    }

    private static String reason(Location served, Location recipe) {
        if (served.parent() == recipe) {
            return "nginx searches the locations nested in " + recipe.label() + " first";
        }
        if (served.isRegex() && recipe.isRegex()) {
            return "regex locations are tried in file order and the first match wins";
        }
        if (served.isRegex()) {
            return "nginx remembers the longest matching prefix, then tries regex locations in file order, and a"
                    + " matching regex wins unless that prefix is marked ^~";
        }
        return "nginx prefers an exact match, then the longest prefix";
    }
}
