package medic.replicas;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import medic.lifecycle.FlowRig;
import medic.slack.bolt.FakeSlackApi;
import medic.testing.RequiresPostgres;
import medic.testing.RequiresProgram;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An alert storm spread over three replicas: several upstreams of one host fire at once, each alert delivered to
 * every replica (Alertmanager in HA sends from each instance); and a short flapping storm whose deliveries each
 * reach two of the replicas, concurrently and out of order. None is lost and no Slack message is posted twice.
 */
@RequiresPostgres
@RequiresProgram("nginx")
class AlertStormTest {
    private static final int UPSTREAMS = 6;
    private static final Pattern INCIDENT = Pattern.compile("incident=(\\d+);proposal=");
    private static final Pattern FLAP_UPSTREAM = Pattern.compile("flap-\\d+");

    @TempDir
    Path dir;

    private ReplicaRig rig;

    @BeforeEach
    void start() throws Exception {
        rig = new ReplicaRig(dir);
    }

    @AfterEach
    void stop() throws Exception {
        rig.close();
    }

    @Test
    void every_alert_of_a_storm_over_three_replicas_gets_exactly_one_incident_and_one_thread() throws Exception {
        List<Replica> replicas = rig.start(3);
        String firing = FakeSlackApi.fixture("../alertmanager/firing.json");
        List<String> alerts = new ArrayList<>();
        for (int i = 0; i < UPSTREAMS; i++) {
            alerts.add(firing.replace("\"upstream\":\"checkout\"", "\"upstream\":\"storm-" + i + "\"")
                    .replace("d6ce798ff250be33", String.format("%016x", 0xab00L + i)));
        }
        for (String alert : alerts) {
            assertEquals(List.of(202, 202, 202), rig.atOnce(replicas, port -> rig.flow.webhook(port, alert)));
        }
        long started = System.nanoTime();
        // The steps' reply is the last Slack call a diagnosis queues.
        rig.await(Duration.ofSeconds(120), () -> rig.calls("/api/chat.postMessage").stream()
                .filter(b -> b.contains("thread_ts=") && b.contains("nginx_dump")).count() >= UPSTREAMS
                && rig.outboxDrained(), () -> "every incident is diagnosed");
        System.out.println("alert storm: " + UPSTREAMS + " incidents over 3 replicas diagnosed and posted in "
                + Duration.ofNanos(System.nanoTime() - started).toMillis() + " ms");

        assertEquals(UPSTREAMS, rig.count("SELECT COUNT(*) FROM incidents WHERE stage = 'AWAITING_APPROVAL'"));
        assertEquals(UPSTREAMS, rig.count("SELECT COUNT(*) FROM runs"), "one runbook run per incident");
        List<String> parents = rig.parentPosts();
        assertEquals(UPSTREAMS, parents.size(), "one top-level message per incident; the outbox:\n"
                + rig.outboxCalls() + "\nWireMock: " + rig.flow.slack.wireMock().getAllServeEvents().stream()
                        .map(e -> e.getRequest().getUrl()).toList());
        Set<String> incidents = parents.stream().map(INCIDENT::matcher).filter(Matcher::find).map(m -> m.group(1))
                .collect(Collectors.toSet());
        assertEquals(UPSTREAMS, incidents.size(), "each message is another incident's: " + incidents);
        assertEquals(UPSTREAMS, rig.calls("/api/chat.postMessage").stream()
                .filter(b -> b.contains("thread_ts=") && b.contains("nginx_dump")).count(), "one steps reply each");
        System.out.println("alert storm: runs per replica " + rig.text("SELECT STRING_AGG(n::text, ',') FROM"
                + " (SELECT COUNT(*) AS n FROM runs GROUP BY runner) AS per_runner"));
    }

    @Test
    void a_flapping_storm_spread_over_three_replicas_loses_no_alert_and_sends_no_slack_call_twice() throws Exception {
        // Every message gets its own ts, so replies in different threads never look alike.
        rig.flow.slack.wireMock().stubFor(post(urlEqualTo("/api/chat.postMessage")).willReturn(aResponse()
                .withHeader("Content-Type", "application/json").withTransformers("response-template")
                .withBody("{\"ok\":true,\"channel\":\"" + FlowRig.CHANNEL + "\",\"ts\":\"{{randomValue length=10"
                        + " type='NUMERIC'}}.{{randomValue length=6 type='NUMERIC'}}\",\"message\":{}}")));
        List<Replica> replicas = rig.start(3);
        FlappingAlerts storm = new FlappingAlerts(4, Instant.now().truncatedTo(ChronoUnit.SECONDS));
        Set<String> occurrences = ConcurrentHashMap.newKeySet();
        Set<String> resolutions = ConcurrentHashMap.newKeySet();
        ExecutorService senders = Executors.newFixedThreadPool(8);
        List<Future<List<Integer>>> answers = new ArrayList<>();
        try {
            int delivery = 0;
            for (int step = 0; step < 16; step++) {
                for (int group = 0; group < storm.groups(); group++) {
                    String payload = storm.delivery(group, step, occurrences, resolutions);
                    Replica first = replicas.get(delivery % 3);
                    Replica second = replicas.get(++delivery % 3);
                    answers.add(senders.submit(() -> List.of(rig.flow.webhook(first.port(), payload).statusCode(),
                            rig.flow.webhook(second.port(), payload).statusCode())));
                }
            }
            for (Future<List<Integer>> answer : answers) {
                assertEquals(List.of(202, 202), answer.get(60, TimeUnit.SECONDS));
            }
        } finally {
            senders.shutdownNow();
        }
        rig.await(Duration.ofSeconds(180), () -> rig.outboxDrained()
                && rig.count("SELECT COUNT(*) FROM incidents WHERE stage IN ('NEW', 'DIAGNOSING')") == 0
                && rig.count("SELECT COUNT(*) FROM slack_conversations WHERE thread_key LIKE 'incident-%'")
                == rig.count("SELECT COUNT(*) FROM incidents"), () -> "every incident diagnosed and posted");

        Set<String> stored = new HashSet<>();
        Set<String> resolved = new HashSet<>();
        for (List<Object> row : rig.rows("SELECT fingerprint, starts_at, status FROM alerts")) {
            String occurrence = row.get(0) + "@" + epochMillis(row.get(1));
            stored.add(occurrence);
            if ("RESOLVED".equals(row.get(2))) {
                resolved.add(occurrence);
            }
        }
        assertEquals(occurrences, stored, "every occurrence sent is stored, and nothing else");
        Set<String> unresolved = new HashSet<>(resolutions);
        unresolved.removeAll(resolved);
        assertEquals(Set.of(), unresolved, "every resolution sent is stored");
        assertEquals(storm.groups(), rig.count("SELECT COUNT(*) FROM incidents"), "one incident per upstream");
        List<String> parents = rig.parentPosts();
        Set<String> upstreams = parents.stream().map(FLAP_UPSTREAM::matcher).filter(Matcher::find)
                .map(m -> m.group()).collect(Collectors.toSet());
        assertEquals(storm.groups(), parents.size(), "one top-level message per incident:\n" + rig.outboxCalls());
        assertEquals(storm.groups(), upstreams.size(), "each top-level message another upstream's: " + upstreams);
        Map<String, Long> sentTwice = rig.flow.slack.wireMock().getAllServeEvents().stream()
                .map(e -> e.getRequest()).filter(r -> r.getUrl().startsWith("/api/") && !r.getUrl().endsWith("auth.test"))
                .collect(Collectors.groupingBy(r -> r.getUrl() + " " + r.getBodyAsString(), Collectors.counting()));
        sentTwice.values().removeIf(times -> times == 1);
        assertEquals(Map.of(), sentTwice, "no Slack call sent twice");
        List<Long> channelCalls = rig.flow.slack.wireMock().getAllServeEvents().stream().map(e -> e.getRequest())
                .filter(r -> List.of("/api/chat.postMessage", "/api/chat.update", "/api/files.completeUploadExternal")
                        .contains(r.getUrl()))
                .map(r -> r.getLoggedDate().getTime()).sorted().toList();
        for (int i = 1; i < channelCalls.size(); i++) {
            assertTrue(channelCalls.get(i) - channelCalls.get(i - 1) >= 1_000, "calls " + i + " and " + (i + 1)
                    + " to the channel came " + (channelCalls.get(i) - channelCalls.get(i - 1)) + " ms apart");
        }
        System.out.println("flapping storm over 3 replicas: " + answers.size() * 2 + " deliveries, " + stored.size()
                + " occurrences stored, " + channelCalls.size() + " Slack calls to the channel");
    }

    private static long epochMillis(Object timestamp) {
        if (timestamp instanceof java.sql.Timestamp sql) {
            return sql.getTime();
        }
        return ((java.time.OffsetDateTime) timestamp).toInstant().toEpochMilli();
    }
}
