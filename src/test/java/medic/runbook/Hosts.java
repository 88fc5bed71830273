package medic.runbook;

import java.util.List;
import medic.inventory.HostEntry;
import medic.inventory.NginxSettings;
import medic.inventory.Transport;

/** Host entries built directly, bypassing inventory validation, so tests can hand the shell hostile values. */
final class Hosts {
    private Hosts() {
    }

    static HostEntry local(String name, String sudo, String binary, String config, List<String> errorLogs) {
        return new HostEntry(name, Transport.LOCAL, null, 0, null, null, null, null, sudo,
                new NginxSettings(binary, config, errorLogs, NginxSettings.defaultReload(binary)), List.of());
    }

    static HostEntry ssh(String name, String address, String binary, String config, List<String> errorLogs) {
        return new HostEntry(name, Transport.SSH, address, 22, "medic", null, null, null, "",
                new NginxSettings(binary, config, errorLogs, NginxSettings.defaultReload(binary)), List.of());
    }
}
