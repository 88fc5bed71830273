package medic.inventory;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One host of the inventory, validated and with defaults applied. For {@link Transport#LOCAL} hosts the SSH
 * fields are empty: {@code address}, {@code user}, {@code key}, {@code knownHosts} and {@code jump} are null
 * and {@code port} is 0. {@code jump} is the resolved jump host (null without one). {@code sudo} is "" when
 * commands need no prefix. {@code alertMatchers} decide which alerts are about this host.
 */
public record HostEntry(String name, Transport transport, String address, int port, String user, KeySource key,
                        Path knownHosts, HostEntry jump, String sudo, NginxSettings nginx,
                        List<LabelMatcher> alertMatchers) {
    public HostEntry {
        alertMatchers = List.copyOf(alertMatchers);
        sudo = sudo == null ? "" : sudo;
    }

    public boolean isLocal() {
        return transport == Transport.LOCAL;
    }

    /** The resolved jump host, if this host is reached through one. */
    public Optional<HostEntry> jumpHost() {
        return Optional.ofNullable(jump);
    }

    /** What the SSH executor needs to connect (jump hosts included); empty for a local host. */
    public Optional<SshEndpoint> sshEndpoint() {
        if (isLocal()) {
            return Optional.empty();
        }
        SshEndpoint via = jump == null ? null : jump.sshEndpoint().orElseThrow();
        return Optional.of(new SshEndpoint(name, address, port, user, key, knownHosts, via, sudo));
    }

    /** {@code command} with the host's sudo prefix in front, for steps that need root (nginx -T, reload). */
    public String privileged(String command) {
        return sudo.isEmpty() ? command : sudo + " " + command;
    }

    /**
     * True when an alert with these labels is about this host: the host declares at least one matcher and all
     * of them hold. A host without matchers is never picked by an alert (only by name).
     */
    public boolean matches(Map<String, String> alertLabels) {
        return !alertMatchers.isEmpty() && alertMatchers.stream().allMatch(m -> m.matches(alertLabels));
    }
}
