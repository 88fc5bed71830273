package medic.nginx.diagnosis.rules;

import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import medic.nginx.diagnosis.Analysis;
import medic.nginx.diagnosis.LogEvent;
import medic.nginx.log.FailureClass;
import medic.nginx.model.Location;
import medic.nginx.model.Upstream;
import medic.nginx.model.UpstreamServer;

/**
 * Error-log failures that concern one upstream group: nginx prints the peer's address after {@code upstream:}
 * (the group name for "no live upstreams"), and a request served by a location proxying to the group counts
 * too, which covers servers named by hostname (the log shows the resolved IP).
 */
final class UpstreamLog {
    private UpstreamLog() {
    }

    static List<LogEvent> events(Analysis analysis, Upstream upstream, FailureClass... failures) {
        Set<LogEvent> served = Collections.newSetFromMap(new IdentityHashMap<>());
        for (Location location : Pools.locationsUsing(analysis.config(), upstream)) {
            served.addAll(analysis.log().events(location, failures));
        }
        Set<FailureClass> wanted = Set.of(failures);
        return analysis.log().events().stream()
                .filter(e -> wanted.contains(e.failure()))
                .filter(e -> served.contains(e) || names(e.upstream(), upstream))
                .toList();
    }

    static long count(Analysis analysis, Upstream upstream, FailureClass... failures) {
        return events(analysis, upstream, failures).stream().mapToLong(LogEvent::count).sum();
    }

    /** Up to {@code max} distinct sample lines, for evidence. */
    static List<String> samples(Analysis analysis, Upstream upstream, int max, FailureClass... failures) {
        return samples(events(analysis, upstream, failures), max);
    }

    static List<String> samples(List<LogEvent> events, int max) {
        return events.stream().map(LogEvent::sample).filter(s -> s != null && !s.isEmpty()).distinct().limit(max)
                .toList();
    }

    /** True when the URL nginx logged after {@code upstream:} points at this group or one of its servers. */
    static boolean names(String loggedUrl, Upstream upstream) {
        if (loggedUrl == null) {
            return false;
        }
        int scheme = loggedUrl.indexOf("://");
        String rest = scheme < 0 ? loggedUrl : loggedUrl.substring(scheme + 3);
        if (rest.startsWith("unix:")) {
            return upstream.servers().stream().anyMatch(s -> rest.startsWith(s.address() + ":")
                    || rest.equals(s.address()));
        }
        int slash = rest.indexOf('/');
        String authority = slash < 0 ? rest : rest.substring(0, slash);
        if (authority.equals(upstream.name())) {
            return true;
        }
        for (UpstreamServer server : upstream.servers()) {
            if (authority.equals(server.address()) || authority.equals(withDefaultPort(server.address(), loggedUrl))) {
                return true;
            }
        }
        return false;
    }

    private static String withDefaultPort(String address, String loggedUrl) {
        boolean hasPort = address.startsWith("[") ? address.contains("]:") : address.contains(":");
        return hasPort ? address : address + (loggedUrl.startsWith("https") ? ":443" : ":80");
    }
}
