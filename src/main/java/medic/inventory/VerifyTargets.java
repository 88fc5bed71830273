package medic.inventory;

import java.net.URI;
import java.util.Optional;

/**
 * How medic checks an applied change on a host, beyond {@code nginx -t} and the reload: nginx's pid file (to see
 * the new workers start), a WebSocket URL through nginx that must stay open idle past the old
 * {@code proxy_read_timeout}, and a health URL that must answer 2xx. Each is optional.
 */
public record VerifyTargets(String pidFile, URI websocket, URI health) {
    public static final VerifyTargets NONE = new VerifyTargets(null, null, null);

    public Optional<String> pidFileIfSet() {
        return Optional.ofNullable(pidFile);
    }
}
