package medic.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import medic.lifecycle.FlowRig;
import medic.server.Medic;
import medic.server.MedicSettings;
import medic.slack.bolt.FakeSlackApi;

/**
 * Time to diagnosis, as a person in the channel sees it: from the Alertmanager webhook arriving at medic to the
 * {@code chat.postMessage} carrying the diagnosis reaching (WireMock) Slack, with the runbook running over SSH
 * against Debian's nginx on loopback. Incidents come one at a time, spaced so Slack's one-message-a-second channel
 * pacing (each incident posts its diagnosis, a steps reply and the diff file) does not queue one behind another.
 *
 * <p>Run: {@code java -cp target/test-classes:target/classes:$(cat cp.txt) medic.bench.TimeToDiagnosisBench
 * [incidents=100] [spacingMillis=3500]}
 */
public final class TimeToDiagnosisBench {

    public static void main(String[] args) throws Exception {
        int incidents = args.length > 0 ? Integer.parseInt(args[0]) : 100;
        long spacingMillis = args.length > 1 ? Long.parseLong(args[1]) : 3500;
        Path dir = Files.createTempDirectory("medic-ttd-bench");
        ObjectMapper json = new ObjectMapper();
        ObjectNode template = (ObjectNode) json.readTree(FakeSlackApi.fixture("../alertmanager/firing.json"));
        Map<String, Long> posted = new ConcurrentHashMap<>();
        try (FlowRig rig = new FlowRig(dir)) {
            rig.slack.wireMock().addMockServiceRequestListener((request, response) -> {
                if (request.getUrl().equals("/api/chat.postMessage")) {
                    String body = URLDecoder.decode(request.getBodyAsString(), StandardCharsets.UTF_8);
                    int arrow = body.indexOf("\u2192 ");
                    if (arrow > 0 && body.contains("medic_approve")) {
                        String upstream = body.substring(arrow + 2, body.indexOf(':', arrow));
                        posted.putIfAbsent(upstream, System.nanoTime());
                    }
                }
            });
            try (Medic medic = Medic.start(MedicSettings.load(Optional.empty(), rig.environment()), List.of(),
                    Clock.systemUTC())) {
                List<Double> millis = new ArrayList<>();
                int warmup = Math.min(5, incidents / 10);
                for (int i = 0; i < warmup + incidents; i++) {
                    String upstream = "u-" + i;
                    ObjectNode payload = template.deepCopy();
                    ObjectNode alert = (ObjectNode) payload.withArray("alerts").get(0);
                    ((ObjectNode) alert.get("labels")).put("upstream", upstream);
                    alert.put("fingerprint", String.format("%016x", 0xbe4c0000L + i));
                    alert.put("startsAt", Instant.now().toString());
                    long sent = System.nanoTime();
                    int status = rig.webhook(medic.port(), payload.toString()).statusCode();
                    if (status != 202) {
                        throw new IllegalStateException("webhook answered " + status);
                    }
                    long deadline = sent + TimeUnit.SECONDS.toNanos(30);
                    while (!posted.containsKey(upstream) && System.nanoTime() < deadline) {
                        Thread.sleep(1);
                    }
                    Long arrived = posted.get(upstream);
                    if (arrived == null) {
                        throw new IllegalStateException("no diagnosis for incident " + upstream + " within 30 s");
                    }
                    if (i >= warmup) {
                        millis.add((arrived - sent) / 1e6);
                    }
                    Thread.sleep(Math.max(0, spacingMillis - (System.nanoTime() - sent) / 1_000_000));
                }
                millis.sort(Double::compare);
                System.out.printf("time to diagnosis over %d incidents (after %d warm-up), SSH to loopback nginx:%n",
                        incidents, warmup);
                System.out.printf("  p50 %.1f ms, p90 %.1f ms, p99 %.1f ms, max %.1f ms%n", pct(millis, 50),
                        pct(millis, 90), pct(millis, 99), millis.get(millis.size() - 1));
            }
        }
    }

    private static double pct(List<Double> sorted, int percentile) {
        int index = (int) Math.ceil(percentile / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index)));
    }
}
