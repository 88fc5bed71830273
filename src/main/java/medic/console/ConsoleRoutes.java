package medic.console;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;
import java.util.Map;
import medic.server.Route;
import medic.slack.SlackMessage;

/**
 * The console over HTTP. The page and its script and style are public (they hold no data); every {@code /api} call
 * must carry the login token in {@value #TOKEN_HEADER} (the page reads it from the URL's fragment, which browsers
 * never send, so it stays out of access logs).
 */
public final class ConsoleRoutes {
    public static final String PATH = "/console";
    public static final String TOKEN_HEADER = "X-Medic-Console-Token";
    private static final Map<String, String> ASSETS = Map.of(
            "console.js", "text/javascript; charset=utf-8",
            "console.css", "text/css; charset=utf-8");
    private static final ObjectMapper JSON = new ObjectMapper();

    private ConsoleRoutes() {
    }

    public static List<Route> routes(ConsoleSettings settings, ConsoleSlack slack, ConsoleClicks clicks) {
        return List.of(
                Route.get(PATH, ctx -> ctx.contentType("text/html; charset=utf-8").result(asset("index.html"))),
                Route.get(PATH + "/assets/{name}", ConsoleRoutes::serveAsset),
                Route.get(PATH + "/api/threads", authed(settings, ctx -> json(ctx, slack.snapshot()))),
                Route.post(PATH + "/api/clicks", authed(settings, ctx -> {
                    JsonNode body = body(ctx);
                    String clickId = clicks.click(body.path("action").asText(), body.path("value").asText());
                    json(ctx.status(202), JSON.createObjectNode().put("click", clickId));
                })),
                Route.get(PATH + "/api/clicks/{id}", authed(settings, ctx -> {
                    ArrayNode answers = JSON.createArrayNode();
                    for (SlackMessage answer : slack.answers(ctx.pathParam("id"))) {
                        answers.add(ConsoleSlack.message(answer));
                    }
                    json(ctx, JSON.createObjectNode().set("answers", answers));
                })),
                Route.post(PATH + "/api/diagnose", authed(settings, ctx -> {
                    JsonNode body = body(ctx);
                    json(ctx, PastedConfig.diagnose(body.path("config").asText(""), body.path("log").asText(""),
                            body.path("version").asText("")));
                })));
    }

    private static Handler authed(ConsoleSettings settings, Handler handler) {
        byte[] expected = settings.token().getBytes(StandardCharsets.UTF_8);
        return ctx -> {
            String given = ctx.header(TOKEN_HEADER);
            if (given == null || !MessageDigest.isEqual(expected, given.getBytes(StandardCharsets.UTF_8))) {
                json(ctx.status(401), error("log in with the console URL medic printed (it carries the token)"));
                return;
            }
            try {
                handler.handle(ctx);
            } catch (ConsoleException e) {
                json(ctx.status(422), error(e.getMessage()));
            }
        };
    }

    private static void serveAsset(Context ctx) {
        String type = ASSETS.get(ctx.pathParam("name"));
        if (type == null) {
            ctx.status(404).result("no such console file");
            return;
        }
        ctx.contentType(type).result(asset(ctx.pathParam("name")));
    }

    private static JsonNode body(Context ctx) {
        try {
            return JSON.readTree(ctx.body());
        } catch (IOException e) {
            throw new ConsoleException("send a JSON object: " + e.getMessage());
        }
    }

    private static ObjectNode error(String message) {
        return JSON.createObjectNode().put("error", message);
    }

    private static void json(Context ctx, JsonNode node) {
        ctx.header("Cache-Control", "no-store").contentType("application/json").result(node.toString());
    }

    private static String asset(String name) {
        try (InputStream in = ConsoleRoutes.class.getResourceAsStream("/medic/console/" + name)) {
            if (in == null) {
                throw new IllegalStateException("console file " + name + " is missing from medic's jar");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("cannot read console file " + name, e);
        }
    }
}
