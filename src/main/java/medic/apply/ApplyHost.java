package medic.apply;

import java.util.Optional;
import medic.inventory.HostEntry;
import medic.remote.RemoteHost;

/**
 * A host to change: its inventory entry (nginx binary, config, reload command, sudo prefix), the open connection,
 * and where nginx's master writes its pid (to confirm a reload started new workers; empty: not confirmed).
 */
public record ApplyHost(HostEntry entry, RemoteHost remote, Optional<String> pidFile) implements AutoCloseable {

    @Override
    public void close() {
        remote.close();
    }

    /** Opens the host of a given inventory name. */
    @FunctionalInterface
    public interface Opener {
        ApplyHost open(String hostName);
    }
}
