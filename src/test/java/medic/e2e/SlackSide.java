package medic.e2e;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.slack.api.app_backend.SlackSignature;
import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import medic.slack.bolt.FakeSlackApi;

/**
 * Slack as the end-to-end test sees it: WireMock answering the Web API calls medic makes, what medic posted, and a
 * person's click on a button, signed with the app's signing secret as Slack signs it.
 */
final class SlackSide implements AutoCloseable {
    static final String CHANNEL = "C0123ABCD";
    static final String APPROVER = "U0APPROVER";

    final FakeSlackApi api = new FakeSlackApi();
    private final HttpClient client = HttpClient.newHttpClient();

    SlackSide() {
        api.wireMock().stubFor(post(urlEqualTo("/api/chat.postMessage")).willReturn(okJson(
                "{\"ok\":true,\"channel\":\"" + CHANNEL + "\",\"ts\":\"1764000000.000100\",\"message\":{}}")));
        api.wireMock().stubFor(post(urlEqualTo("/api/chat.update")).willReturn(okJson(
                "{\"ok\":true,\"channel\":\"" + CHANNEL + "\",\"ts\":\"1764000000.000100\"}")));
        api.wireMock().stubFor(post(urlEqualTo("/api/files.getUploadURLExternal")).willReturn(okJson(
                "{\"ok\":true,\"upload_url\":\"" + api.wireMock().baseUrl() + "/upload/F0DIFF\",\"file_id\":\"F0DIFF\"}")));
        api.wireMock().stubFor(post(urlPathMatching("/upload/.*")).willReturn(aResponse().withStatus(200)));
        api.wireMock().stubFor(post(urlEqualTo("/api/files.completeUploadExternal")).willReturn(okJson(
                "{\"ok\":true,\"files\":[{\"id\":\"F0DIFF\"}]}")));
        api.wireMock().stubFor(post(urlPathMatching("/actions/.*")).willReturn(aResponse().withStatus(200)));
    }

    /** The decoded bodies of medic's calls to {@code path}, e.g. {@code /api/chat.postMessage}. */
    List<String> calls(String path) {
        return api.wireMock().findAll(postRequestedFor(urlEqualTo(path))).stream().map(SlackSide::decoded).toList();
    }

    Optional<String> call(String path, Predicate<String> wanted) {
        return calls(path).stream().filter(wanted).findFirst();
    }

    /** A signed block_actions request: {@code userId} clicked {@code actionId} carrying {@code value}. */
    HttpResponse<String> click(int medicPort, String actionId, String value, String userId)
            throws IOException, InterruptedException {
        String payload = FakeSlackApi.fixture("block_actions.json")
                .replace("\"id\": \"U0ALICE\"", "\"id\": \"" + userId + "\"")
                .replace("C0OPS0001", CHANNEL)
                .replace("\"action_id\": \"medic_approve\",\n            \"block_id\"",
                        "\"action_id\": \"" + actionId + "\",\n            \"block_id\"")
                .replace("\"value\": \"incident=42;proposal=9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08\",\n            \"style\"",
                        "\"value\": \"" + value + "\",\n            \"style\"")
                .replace("\"action_ts\": \"1714557800.123456\"", "\"action_ts\": \"" + Instant.now().getEpochSecond()
                        + ".000001\"")
                .replace("WIREMOCK_PORT", Integer.toString(api.wireMock().port()));
        String body = "payload=" + URLEncoder.encode(payload, StandardCharsets.UTF_8);
        String ts = String.valueOf(Instant.now().getEpochSecond());
        return client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + medicPort + "/slack/events"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header(SlackSignature.HeaderNames.X_SLACK_REQUEST_TIMESTAMP, ts)
                .header(SlackSignature.HeaderNames.X_SLACK_SIGNATURE,
                        new SlackSignature.Generator(FakeSlackApi.SIGNING_SECRET).generate(ts, body))
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String decoded(LoggedRequest request) {
        // Slack's SDK writes '=' in JSON strings as \u003d.
        return URLDecoder.decode(request.getBodyAsString(), StandardCharsets.UTF_8).replace("\\u003d", "=");
    }

    @Override
    public void close() {
        api.close();
    }
}
