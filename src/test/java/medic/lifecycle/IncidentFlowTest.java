package medic.lifecycle;

import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import medic.server.Medic;
import medic.server.MedicSettings;
import medic.slack.bolt.FakeSlackApi;
import medic.testing.RequiresProgram;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The incident's whole life through {@code medic serve}, with real parts except Slack: Alertmanager's captured
 * webhook, the shipped runbook over SSH against Debian's nginx, the diagnosis posted to (WireMock) Slack with an
 * Approve button, a signed click, the apply with nginx -t and reload, and the parent message showing the result.
 */
@RequiresProgram("nginx")
class IncidentFlowTest {
    private static final Pattern APPROVE_VALUE = Pattern.compile("incident=(\\d+);proposal=([0-9a-f]{64})");

    @TempDir
    Path dir;

    private FlowRig rig;

    @BeforeEach
    void start() throws Exception {
        rig = new FlowRig(dir);
    }

    @AfterEach
    void stop() throws Exception {
        rig.close();
    }

    @Test
    void an_alert_is_diagnosed_in_slack_and_an_approved_fix_is_applied_to_nginx() throws Exception {
        String before = Files.readString(rig.site);
        try (Medic medic = Medic.start(MedicSettings.load(Optional.empty(), rig.environment()), List.of(),
                Clock.systemUTC())) {
            assertEquals(202, rig.webhook(medic.port(), FakeSlackApi.fixture("../alertmanager/firing.json")).statusCode());

            String post = await("/api/chat.postMessage", body -> body.contains("medic_approve"));
            assertTrue(post.contains("edge-1"), post);
            assertTrue(post.contains("proxy_read_timeout"), "the diagnosis names the timeout: " + post);
            Matcher approve = APPROVE_VALUE.matcher(post);
            assertTrue(approve.find(), post);
            String metrics = medic.registry().scrape();
            assertTrue(metrics.contains("medic_incidents_opened_total{source=\"alertmanager\"} 1.0"), metrics);
            assertTrue(metrics.contains("medic_runbook_steps_seconds_count{kind=\"nginx_dump\",status=\"succeeded\"}"),
                    metrics);

            // The requester of an alert's incident is nobody; the allowed approver clicks Approve.
            assertEquals(200, rig.click(medic.port(), "medic_approve", approve.group(), FlowRig.APPROVER).statusCode());

            String applied = await("/api/chat.update", body -> body.contains("medic_rollback"));
            assertTrue(applied.contains("U0APPROVER"), applied);
            String after = Files.readString(rig.site);
            assertFalse(before.equals(after), "site.conf changed");
            assertTrue(rig.nginx.test().passed(), "nginx -t passes on what medic wrote");
            assertTrue(posts("/api/chat.postMessage").stream().anyMatch(b -> b.contains("reload")),
                    "the apply steps went to the thread");
            // Verified by the inventory's probes: a WebSocket through nginx held idle past the old 2 s timeout.
            assertTrue(posts("/api/chat.postMessage").stream().anyMatch(b -> b.contains("still echoing after")),
                    "the WebSocket probe's result is in the thread");
        }
    }

    @Test
    void a_click_from_someone_not_allowed_applies_nothing() throws Exception {
        String before = Files.readString(rig.site);
        try (Medic medic = Medic.start(MedicSettings.load(Optional.empty(), rig.environment()), List.of(),
                Clock.systemUTC())) {
            assertEquals(202, rig.webhook(medic.port(), FakeSlackApi.fixture("../alertmanager/firing.json")).statusCode());
            Matcher approve = APPROVE_VALUE.matcher(await("/api/chat.postMessage", body -> body.contains("medic_approve")));
            assertTrue(approve.find());

            assertEquals(200, rig.click(medic.port(), "medic_approve", approve.group(), "U0MALLORY").statusCode());

            String refusal = awaitPath("/actions/", body -> body.contains("approve"));
            assertTrue(refusal.contains("approver"), refusal);
            assertEquals(before, Files.readString(rig.site));
            assertTrue(rig.slack.wireMock().findAll(postRequestedFor(urlEqualTo("/api/chat.update"))).stream()
                    .noneMatch(r -> decoded(r).contains("medic_rollback")));
        }
    }

    private List<String> posts(String path) {
        return rig.slack.wireMock().findAll(postRequestedFor(urlEqualTo(path))).stream().map(IncidentFlowTest::decoded)
                .toList();
    }

    private String await(String path, Predicate<String> wanted) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            Optional<String> found = posts(path).stream().filter(wanted).findFirst();
            if (found.isPresent()) {
                return found.get();
            }
            Thread.sleep(50);
        }
        throw new AssertionError("no matching call to " + path + " within 60 s; calls (newest first):\n"
                + String.join("\n", rig.slack.wireMock().getAllServeEvents().stream()
                        .map(e -> e.getRequest().getUrl() + " " + summary(decoded(e.getRequest()))).toList()));
    }

    private String awaitPath(String prefix, Predicate<String> wanted) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < deadline) {
            Optional<String> found = rig.slack.wireMock().getAllServeEvents().stream()
                    .filter(e -> e.getRequest().getUrl().startsWith(prefix))
                    .map(e -> decoded(e.getRequest())).filter(wanted).findFirst();
            if (found.isPresent()) {
                return found.get();
            }
            Thread.sleep(50);
        }
        throw new AssertionError("nothing matching was posted to " + prefix + "...");
    }

    /** The fallback text of a Slack call, which says what the message is about. */
    private static String summary(String body) {
        int text = body.indexOf("text=");
        return text < 0 ? "" : body.substring(text + 5, Math.min(body.length(), text + 5 + 160)).split("&")[0];
    }

    private static String decoded(LoggedRequest request) {
        // Slack's SDK writes '=' in JSON strings as \u003d.
        return URLDecoder.decode(request.getBodyAsString(), StandardCharsets.UTF_8).replace("\\u003d", "=");
    }
}
