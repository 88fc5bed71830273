package medic.lifecycle;

import java.util.List;
import medic.apply.probe.Probe;
import medic.inventory.HostEntry;
import medic.slack.message.DiagnosisView;

/**
 * Which probes verify an applied change on a host: e.g. a WebSocket through nginx held idle past the old
 * {@code proxy_read_timeout}, and a health URL. An empty list verifies by {@code nginx -t} and the reload alone.
 */
@FunctionalInterface
public interface ProbePlan {

    List<Probe> probesFor(HostEntry host, DiagnosisView diagnosis);

    /** No probes: the apply is verified by {@code nginx -t} and a reload nginx accepted. */
    ProbePlan NONE = (host, diagnosis) -> List.of();

    /** The probes each host's inventory entry names under {@code nginx.verify}. */
    static ProbePlan fromInventory() {
        return new InventoryProbes();
    }
}
