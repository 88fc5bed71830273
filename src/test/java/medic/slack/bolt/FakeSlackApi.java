package medic.slack.bolt;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Slack's Web API played by WireMock on a free loopback port, with auth.test answering from a captured payload. */
public final class FakeSlackApi implements AutoCloseable {
    public static final String BOT_TOKEN = "xoxb-0000000001-0000000002-medictestbottoken";
    public static final String SIGNING_SECRET = "8f742231b10e8888abcd99edabcd00d7";
    private static final Path FIXTURES = Path.of("src/test/resources/slack");

    private final WireMockServer server = new WireMockServer(WireMockConfiguration.options().dynamicPort()
            .bindAddress("127.0.0.1"));

    public FakeSlackApi() {
        server.start();
        answer("auth.test", "auth-test-ok.json");
    }

    /** Answers Web API {@code method} with the fixture {@code file} (under src/test/resources/slack). */
    public FakeSlackApi answer(String method, String file) {
        server.stubFor(post(urlEqualTo("/api/" + method)).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json; charset=utf-8").withBody(fixture(file))));
        return this;
    }

    public WireMockServer wireMock() {
        return server;
    }

    /** The Web API base, as SLACK_API_URL. */
    public String apiUrl() {
        return server.baseUrl() + "/api/";
    }

    /** HTTP mode settings against this fake. */
    public SlackSettings httpSettings() {
        return new SlackSettings(BOT_TOKEN, SIGNING_SECRET, null, apiUrl());
    }

    public static String fixture(String file) {
        try {
            return Files.readString(FIXTURES.resolve(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        server.stop();
    }
}
