package medic.inventory;

import java.nio.file.Path;

/**
 * Everything an SSH connection to a host needs, with the jump host (if any) resolved to its own endpoint.
 * Paths are on medic's machine and absolute. {@code sudoPrefix} is "" when commands run without sudo.
 */
public record SshEndpoint(String name, String address, int port, String user, KeySource key, Path knownHostsFile,
                          SshEndpoint jump, String sudoPrefix) {
}
