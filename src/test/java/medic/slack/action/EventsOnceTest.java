package medic.slack.action;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.slack.api.app_backend.SlackSignature;
import com.slack.api.bolt.response.Response;
import com.slack.api.model.event.AppMentionEvent;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import medic.slack.claim.InMemoryRequestClaims;
import medic.slack.claim.RequestClaims;
import medic.slack.command.DuplicateGuard;
import medic.slack.command.SlackTestApp;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class EventsOnceTest {
    private static final String MENTION = SlackTestApp.fixture("slack/event_callback-app_mention.json");

    // The claims both replicas share, as the database holds them.
    private final RequestClaims shared = new InMemoryRequestClaims(Duration.ofMinutes(30), Clock.systemUTC());
    private final List<String> handled = new CopyOnWriteArrayList<>();
    private final SlackTestApp replicaA = replica("a");
    private final SlackTestApp replicaB = replica("b");

    @AfterEach
    void stop() {
        replicaA.close();
        replicaB.close();
    }

    @Test
    void an_event_slack_redelivers_to_another_replica_is_handled_once() {
        assertEquals(200, replicaA.run(MENTION).getStatusCode());
        Response retry = redelivered(replicaB, MENTION);
        Response again = redelivered(replicaA, MENTION);

        assertEquals(List.of(200, 200), List.of(retry.getStatusCode(), again.getStatusCode()));
        assertEquals(List.of("a Ev0MEDIC0001"), handled);
    }

    @Test
    void another_event_is_handled_wherever_it_lands() {
        replicaA.run(MENTION);
        replicaB.run(MENTION.replace("Ev0MEDIC0001", "Ev0MEDIC0002"));

        assertEquals(List.of("a Ev0MEDIC0001", "b Ev0MEDIC0002"), handled);
    }

    @Test
    void an_unsigned_event_claims_nothing() {
        Response forged = replicaA.runSigned(MENTION, String.valueOf(Instant.now().getEpochSecond()), "v0=forged");
        replicaB.run(MENTION);

        assertEquals(401, forged.getStatusCode());
        assertEquals(List.of("b Ev0MEDIC0001"), handled);
    }

    private SlackTestApp replica(String name) {
        SlackTestApp slack = new SlackTestApp();
        slack.install(new EventsOnce(new DuplicateGuard(Duration.ofMinutes(1), Clock.systemUTC(), shared)));
        slack.app.event(AppMentionEvent.class, (request, context) -> {
            handled.add(name + " " + request.getEventId());
            return context.ack();
        });
        return slack;
    }

    /** A redelivery: the same body signed anew a moment later, as Slack's retry sends it. */
    private static Response redelivered(SlackTestApp replica, String body) {
        String timestamp = String.valueOf(Instant.now().getEpochSecond());
        String signature = new SlackSignature.Generator(SlackTestApp.SIGNING_SECRET).generate(timestamp, body);
        return replica.runSigned(body, timestamp, signature);
    }
}
