package medic.nginx.diagnosis;

import medic.nginx.log.FailureClass;

/**
 * A group of identical error-log failures as the rules see them: the class, where the request went
 * (server name, Host, method, URI) and which upstream, how many, and one redacted sample line.
 */
public record LogEvent(FailureClass failure, String server, String host, String method, String uri,
                       String upstream, long count, String sample) {
}
