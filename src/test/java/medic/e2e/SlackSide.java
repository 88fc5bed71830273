package medic.e2e;

import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.io.IOException;
import java.net.URLDecoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import medic.slack.bolt.FakeSlackApi;
import medic.testing.ServedMedic;

/**
 * Slack as the end-to-end test sees it: WireMock answering the Web API calls medic makes, what medic posted, and a
 * person's click on a button, signed with the app's signing secret as Slack signs it.
 */
final class SlackSide implements AutoCloseable {
    static final String CHANNEL = ServedMedic.CHANNEL;
    static final String APPROVER = ServedMedic.APPROVER;

    final FakeSlackApi api = new FakeSlackApi();

    SlackSide() {
        ServedMedic.answerWebApi(api);
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
        return ServedMedic.click(api, medicPort, actionId, value, userId);
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
