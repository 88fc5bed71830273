package medic.lifecycle;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import medic.apply.probe.HttpHealthProbe;
import medic.apply.probe.Probe;
import medic.apply.probe.WebSocketIdleProbe;
import medic.inventory.HostEntry;
import medic.inventory.VerifyTargets;
import medic.nginx.diagnosis.Finding;
import medic.nginx.model.NginxTime;
import medic.slack.message.DiagnosisView;

/**
 * The probes the inventory asks for on a host ({@code nginx.verify}): a WebSocket through nginx held idle past
 * the {@code proxy_read_timeout} the diagnosis found (rule WS06; nginx's 60 s default when it found none), and a
 * health URL.
 */
final class InventoryProbes implements ProbePlan {
    static final String READ_TIMEOUT_RULE = "WS06";
    private static final Duration NGINX_DEFAULT_READ_TIMEOUT = Duration.ofSeconds(60);
    /** Past this the probe would hold an apply for too long; a tunnel that survives it is proof enough. */
    private static final Duration LONGEST_IDLE = Duration.ofMinutes(5);
    private static final Duration MARGIN = Duration.ofSeconds(1);
    private static final Duration HEALTH_TIMEOUT = Duration.ofSeconds(10);

    @Override
    public List<Probe> probesFor(HostEntry host, DiagnosisView diagnosis) {
        VerifyTargets verify = host.nginx().verify();
        List<Probe> probes = new ArrayList<>();
        if (verify.websocket() != null) {
            URI url = verify.websocket();
            Duration old = oldReadTimeout(diagnosis).orElse(NGINX_DEFAULT_READ_TIMEOUT);
            String path = (url.getRawPath() == null || url.getRawPath().isEmpty() ? "/" : url.getRawPath())
                    + (url.getRawQuery() == null ? "" : "?" + url.getRawQuery());
            probes.add(new WebSocketIdleProbe(url.getHost(), url.getPort() < 0 ? 80 : url.getPort(), path,
                    url.getHost(), old.compareTo(LONGEST_IDLE) > 0 ? LONGEST_IDLE : old, MARGIN));
        }
        if (verify.health() != null) {
            probes.add(new HttpHealthProbe(verify.health(), HEALTH_TIMEOUT));
        }
        return probes;
    }

    /** The shortest proxy_read_timeout WS06 found on a WebSocket location, from its effective value. */
    static Optional<Duration> oldReadTimeout(DiagnosisView diagnosis) {
        if (diagnosis == null) {
            return Optional.empty();
        }
        Duration shortest = null;
        for (Finding finding : diagnosis.findings()) {
            if (!READ_TIMEOUT_RULE.equals(finding.rule()) || finding.effective() == null) {
                continue;
            }
            // The effective value reads "proxy_read_timeout 2s": the first word that is an nginx time.
            for (String token : finding.effective().split("[\\s;]+")) {
                Duration value = NginxTime.parse(token);
                if (value != null) {
                    shortest = shortest == null || value.compareTo(shortest) < 0 ? value : shortest;
                    break;
                }
            }
        }
        return Optional.ofNullable(shortest);
    }
}
