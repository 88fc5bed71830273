package medic.slack.bolt;

import com.slack.api.bolt.App;
import com.slack.api.bolt.socket_mode.SocketModeApp;
import com.slack.api.socket_mode.SocketModeClient;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Socket Mode: medic opens a WebSocket to Slack (apps.connections.open with the app-level token) and receives the
 * same requests the HTTP route would, so it needs no public URL. Bolt reconnects by itself when Slack rotates the
 * connection.
 */
public final class SlackSocket implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(SlackSocket.class);

    private final SocketModeApp socketMode;

    private SlackSocket(SocketModeApp socketMode) {
        this.socketMode = socketMode;
    }

    /**
     * Connects {@code app} to Slack over Socket Mode.
     *
     * @throws SlackStartupException one line naming SLACK_APP_TOKEN when Slack refuses the token or cannot be reached
     */
    public static SlackSocket connect(App app, SlackSettings settings) {
        if (!settings.socketMode()) {
            throw new IllegalArgumentException("Socket Mode needs an app-level token (SLACK_APP_TOKEN)");
        }
        try {
            SocketModeApp socketMode = new SocketModeApp(settings.appToken(), app, SocketModeClient.Backend.JavaWebSocket);
            socketMode.startAsync();
            return new SlackSocket(socketMode);
        } catch (Exception e) {
            // Bolt logs the refusal of apps.connections.open and then fails with a NullPointerException.
            throw new SlackStartupException("cannot open Slack Socket Mode at " + settings.apiUrl()
                    + "apps.connections.open with SLACK_APP_TOKEN: " + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : " " + e.getMessage())
                    + "; check the app-level token (xapp-..., scope connections:write) and that Socket Mode is on", e);
        }
    }

    /** Empty while the WebSocket is open, else what is wrong. */
    public Optional<String> problem() {
        SocketModeClient client = socketMode.getClient();
        return client != null && client.verifyConnection() ? Optional.empty()
                : Optional.of("the Socket Mode connection is down (Bolt reconnects by itself)");
    }

    @Override
    public void close() {
        try {
            socketMode.close();
        } catch (Exception e) {
            LOG.warn("closing Slack Socket Mode: {}", e.toString());
        }
    }
}
