package medic.remote.ssh;

import java.nio.file.Path;

/**
 * How to reach one host over SSH, as the inventory describes it.
 *
 * @param name           inventory name, used in every message
 * @param address        DNS name or IP address to connect to (and to look up in known_hosts)
 * @param port           SSH port; known_hosts entries for ports other than 22 read {@code [address]:port}
 * @param knownHostsFile OpenSSH known_hosts file the host key must be in (never skipped)
 * @param jump           the host to connect through, or null for a direct connection
 * @param sudoPrefix     what privileged commands start with on this host (e.g. {@code sudo -n}), or ""
 */
public record SshTarget(String name, String address, int port, String user, UserKey key, Path knownHostsFile,
                        SshTarget jump, String sudoPrefix) {

    public SshTarget {
        require(name, "name");
        require(address, "address of " + name);
        require(user, "user of " + name);
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("port of " + name + " must be 1..65535, not " + port);
        }
        if (key == null) {
            throw new IllegalArgumentException("key of " + name + " is missing");
        }
        if (knownHostsFile == null) {
            throw new IllegalArgumentException("knownHosts of " + name + " is missing: host keys are always verified");
        }
        sudoPrefix = sudoPrefix == null ? "" : sudoPrefix;
    }

    /** The same target reached through {@code jumpHost}. */
    public SshTarget via(SshTarget jumpHost) {
        return new SshTarget(name, address, port, user, key, knownHostsFile, jumpHost, sudoPrefix);
    }

    /** {@code address:port}, for messages. */
    public String endpoint() {
        return address + ":" + port;
    }

    private static void require(String value, String field) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(field + " is missing");
        }
    }
}
