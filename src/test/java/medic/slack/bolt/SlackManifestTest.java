package medic.slack.bolt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** deploy/slack-app-manifest.yaml asks for what medic uses and sends Slack to the route medic serves. */
class SlackManifestTest {
    private final JsonNode manifest = read();

    private static JsonNode read() {
        try {
            return new ObjectMapper(new YAMLFactory()).readTree(Path.of("deploy/slack-app-manifest.yaml").toFile());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void asks_for_exactly_the_bot_scopes_medic_uses() {
        List<String> scopes = new ArrayList<>();
        manifest.path("oauth_config").path("scopes").path("bot").forEach(scope -> scopes.add(scope.asText()));
        assertEquals(List.of("chat:write", "files:write", "commands", "usergroups:read"), scopes);
    }

    @Test
    void the_slash_command_and_interactivity_reach_the_events_route() {
        JsonNode command = manifest.path("features").path("slash_commands").get(0);
        assertEquals("/medic", command.path("command").asText());
        assertEquals(SlackEventsHandler.PATH, URI.create(command.path("url").asText()).getPath());
        JsonNode interactivity = manifest.path("settings").path("interactivity");
        assertTrue(interactivity.path("is_enabled").asBoolean());
        assertEquals(SlackEventsHandler.PATH, URI.create(interactivity.path("request_url").asText()).getPath());
        assertFalse(manifest.path("settings").path("socket_mode_enabled").asBoolean(true));
    }
}
