package medic.slack.api;

import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import java.time.Duration;
import java.util.List;
import java.util.function.Predicate;

/**
 * Slack's Web API played by WireMock on a free port: every method medic uses answers as Slack does (a fresh ts per
 * posted message), response_url and upload URLs live on the same server, and a test can make a method fail
 * (HTTP status, Retry-After, {@code ok:false}) for a number of calls or until told otherwise.
 */
public final class SlackWebApiStub implements AutoCloseable {

    private final SlackStubResponder responder = new SlackStubResponder();
    private final WireMockServer server;

    private SlackWebApiStub() {
        server = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1").extensions(responder)
                .containerThreads(40).disableRequestJournal());
        server.start();
        responder.baseUrl("http://127.0.0.1:" + server.port());
        server.stubFor(any(urlPathMatching("/.*")).willReturn(aResponse().withTransformers(responder.getName())));
    }

    public static SlackWebApiStub start() {
        return new SlackWebApiStub();
    }

    /** The methods URL prefix, for {@code SLACK_API_URL}. */
    public String apiUrl() {
        return "http://127.0.0.1:" + server.port() + "/api/";
    }

    /** A response_url on this server. */
    public String responseUrl(String name) {
        return "http://127.0.0.1:" + server.port() + "/respond/" + name;
    }

    public SlackApiSettings settings() {
        return new SlackApiSettings(apiUrl(), "xoxb-test-token", Duration.ofSeconds(5));
    }

    /** Every request so far, in arrival order. */
    public List<ReceivedCall> received() {
        return responder.received();
    }

    public List<ReceivedCall> received(Predicate<ReceivedCall> filter) {
        return responder.received().stream().filter(filter).toList();
    }

    /** The next {@code times} calls of {@code method} answer with HTTP {@code status}. */
    public void failNext(String method, int times, int status) {
        responder.fail(method, times, status, null, null);
    }

    /** The next {@code times} calls of {@code method} answer 429 with {@code Retry-After: seconds}. */
    public void rateLimitNext(String method, int times, int retryAfterSeconds) {
        responder.fail(method, times, 429, String.valueOf(retryAfterSeconds), null);
    }

    /** Every call of {@code method} answers HTTP 200 {@code ok:false} with {@code error}, until {@link #heal()}. */
    public void answerNotOk(String method, String error) {
        responder.fail(method, Integer.MAX_VALUE, 200, null, error);
    }

    /** Every call of {@code method} answers HTTP {@code status}, until {@link #heal()}. */
    public void failAlways(String method, int status) {
        responder.fail(method, Integer.MAX_VALUE, status, null, null);
    }

    /** Every method answers normally again. */
    public void heal() {
        responder.heal();
    }

    @Override
    public void close() {
        server.stop();
    }
}
