package medic.slack.command;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.slack.api.Slack;
import com.slack.api.SlackConfig;
import com.slack.api.app_backend.SlackSignature;
import com.slack.api.bolt.App;
import com.slack.api.bolt.AppConfig;
import com.slack.api.bolt.request.RequestHeaders;
import com.slack.api.bolt.response.Response;
import com.slack.api.bolt.util.SlackRequestParser;
import com.slack.api.methods.MethodsClient;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import medic.slack.SlackFeature;
import medic.testing.TestResources;

/**
 * A Bolt app as medic builds it, with the Slack Web API at WireMock: tests sign requests shaped like Slack's
 * (fixtures under src/test/resources/slack) and hand them to {@code app.run} without an HTTP server.
 */
public final class SlackTestApp implements AutoCloseable {

    public static final String SIGNING_SECRET = "8f742231b10e8888abcd99yyyzzz85a5";
    public static final String PORT_PLACEHOLDER = "WIREMOCK_PORT";

    public final WireMockServer slack = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());
    public final App app;
    private final SlackRequestParser parser;
    private final MethodsClient methods;

    public SlackTestApp() {
        slack.start();
        stubMethod("auth.test", fixture("slack/auth.test.json"));
        SlackConfig config = new SlackConfig();
        config.setMethodsEndpointUrlPrefix(slack.baseUrl() + "/api/");
        config.setStatsEnabled(false);
        Slack client = Slack.getInstance(config);
        AppConfig appConfig = AppConfig.builder().singleTeamBotToken("xoxb-medic-test")
                .signingSecret(SIGNING_SECRET).slack(client).build();
        app = new App(appConfig);
        parser = new SlackRequestParser(appConfig);
        methods = client.methods("xoxb-medic-test");
    }

    public App install(SlackFeature feature) {
        feature.install(app);
        return app;
    }

    public MethodsClient methods() {
        return methods;
    }

    /** Answers a Web API method with {@code body} (HTTP 200, JSON). */
    public void stubMethod(String method, String body) {
        slack.stubFor(post(urlEqualTo("/api/" + method)).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody(body)));
    }

    /** usergroups.users.list answers for {@code groupId} with these members. */
    public void stubGroup(String groupId, String... members) {
        String users = List.of(members).stream().map(user -> "\"" + user + "\"").collect(Collectors.joining(","));
        slack.stubFor(post(urlEqualTo("/api/usergroups.users.list")).withRequestBody(containing("usergroup=" + groupId))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                        .withBody("{\"ok\":true,\"users\":[" + users + "]}")));
    }

    /** Signs {@code body} as Slack would now and runs it through the app. */
    public Response run(String body) {
        String timestamp = String.valueOf(Instant.now().getEpochSecond());
        return runSigned(body, timestamp, new SlackSignature.Generator(SIGNING_SECRET).generate(timestamp, body));
    }

    public Response runSigned(String body, String timestamp, String signature) {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        headers.put("content-type", List.of("application/x-www-form-urlencoded"));
        headers.put("x-slack-request-timestamp", List.of(timestamp));
        headers.put("x-slack-signature", List.of(signature));
        SlackRequestParser.HttpRequest http = SlackRequestParser.HttpRequest.builder().requestUri("/slack/events")
                .queryString(Map.of()).headers(new RequestHeaders(headers)).requestBody(body)
                .remoteAddress("127.0.0.1").build();
        try {
            return app.run(parser.parse(http));
        } catch (Exception e) {
            throw new AssertionError("the app failed on " + body, e);
        }
    }

    /** The slash command fixture with some fields replaced (e.g. {@code text}, {@code user_id}). */
    public String slashCommand(Map<String, String> fields) {
        Map<String, String> form = new LinkedHashMap<>();
        for (String pair : fixture("slack/slash-command.form").strip().split("&")) {
            String[] nameValue = pair.split("=", 2);
            form.put(decode(nameValue[0]), onWireMock(decode(nameValue[1])));
        }
        form.putAll(fields);
        return form.entrySet().stream().map(entry -> encode(entry.getKey()) + "=" + encode(entry.getValue()))
                .collect(Collectors.joining("&"));
    }

    /** An interactivity request: the JSON payload in the {@code payload} form field. */
    public static String interaction(String payloadJson) {
        return "payload=" + encode(payloadJson);
    }

    /** A fixture's text with response_url placeholders pointing at this WireMock. */
    public String onWireMock(String text) {
        return text.replace(PORT_PLACEHOLDER, String.valueOf(slack.port()));
    }

    @Override
    public void close() {
        slack.stop();
    }

    public static String fixture(String resource) {
        try {
            return Files.readString(TestResources.path(resource));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String decode(String text) {
        return URLDecoder.decode(text, StandardCharsets.UTF_8);
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
