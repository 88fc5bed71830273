package medic.slack.access;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.slack.api.Slack;
import com.slack.api.SlackConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import medic.testing.ManualClock;
import medic.testing.TestResources;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SlackUserGroupMembersTest {

    private final WireMockServer slack = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());
    private SlackUserGroupMembers members;

    @BeforeEach
    void start() {
        slack.start();
        SlackConfig config = new SlackConfig();
        config.setMethodsEndpointUrlPrefix(slack.baseUrl() + "/api/");
        config.setStatsEnabled(false);
        members = new SlackUserGroupMembers(Slack.getInstance(config).methods("xoxb-test-token"));
    }

    @AfterEach
    void stop() {
        slack.stop();
    }

    @Test
    void reads_the_members_slack_lists_for_the_group() throws IOException {
        stubList(200, fixture("slack/usergroups.users.list.json"));

        assertEquals(Set.of("U060R4BJ4", "W123A4BC5"), members.members("S0614TZR7"));
        slack.verify(postRequestedFor(urlEqualTo("/api/usergroups.users.list"))
                .withRequestBody(containing("usergroup=S0614TZR7")));
    }

    @Test
    void a_missing_scope_fails_the_lookup_and_names_the_scope() throws IOException {
        stubList(200, fixture("slack/usergroups.users.list-missing-scope.json"));

        GroupLookupException error = assertThrows(GroupLookupException.class, () -> members.members("S0614TZR7"));
        assertEquals("Slack refused usergroups.users.list for S0614TZR7 (missing_scope): the bot token needs the "
                + "usergroups:read scope", error.getMessage());
    }

    @Test
    void a_rate_limit_fails_the_lookup_and_permissions_deny_with_the_reason() {
        slack.stubFor(post(urlEqualTo("/api/usergroups.users.list")).willReturn(aResponse().withStatus(429)
                .withHeader("Retry-After", "30").withBody("{\"ok\":false,\"error\":\"ratelimited\"}")));
        Grant grant = new Grant("access.approve[0]", Set.of("C0OPS0001"), Set.of(), Set.of("S0614TZR7"));
        Permissions permissions = new Permissions(new AccessPolicy(List.of(), List.of(grant), true, "#ops-leads"),
                members);

        Decision decision = permissions.checkApproval("U060R4BJ4", "C0OPS0001", Optional.empty());

        assertFalse(decision.allowed());
        assertTrue(decision.reason().contains("Slack answered usergroups.users.list for S0614TZR7 with HTTP 429 "
                + "(rate limited; Slack asks to retry after 30 s)"), decision.reason());
    }

    @Test
    void the_cache_asks_slack_once_per_group_within_its_time_to_live() throws IOException {
        stubList(200, fixture("slack/usergroups.users.list.json"));
        ManualClock clock = new ManualClock(Instant.parse("2025-05-01T10:00:00Z"));
        CachedUserGroupMembers cached = new CachedUserGroupMembers(members, Duration.ofSeconds(60), clock);

        cached.members("S0614TZR7");
        clock.advance(Duration.ofSeconds(59));
        assertTrue(cached.members("S0614TZR7").contains("W123A4BC5"));
        slack.verify(1, postRequestedFor(urlEqualTo("/api/usergroups.users.list")));

        clock.advance(Duration.ofSeconds(1));
        cached.members("S0614TZR7");
        slack.verify(2, postRequestedFor(urlEqualTo("/api/usergroups.users.list")));
    }

    @Test
    void the_cache_keeps_no_failures() throws IOException {
        stubList(200, fixture("slack/usergroups.users.list-missing-scope.json"));
        CachedUserGroupMembers cached = new CachedUserGroupMembers(members, Duration.ofSeconds(60),
                new ManualClock(Instant.parse("2025-05-01T10:00:00Z")));
        assertThrows(GroupLookupException.class, () -> cached.members("S0614TZR7"));

        stubList(200, fixture("slack/usergroups.users.list.json"));
        assertEquals(Set.of("U060R4BJ4", "W123A4BC5"), cached.members("S0614TZR7"));
    }

    private void stubList(int status, String body) {
        slack.stubFor(post(urlEqualTo("/api/usergroups.users.list")).willReturn(aResponse().withStatus(status)
                .withHeader("Content-Type", "application/json").withBody(body)));
    }

    private static String fixture(String resource) throws IOException {
        return Files.readString(TestResources.path(resource));
    }
}
