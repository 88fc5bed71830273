package medic.lifecycle;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.List;
import medic.incident.Alert;
import medic.store.Run;
import medic.store.RunStatus;
import medic.store.RunTrigger;
import org.junit.jupiter.api.Test;

class RequestersTest {
    private static final Instant CREATED = Instant.parse("2026-11-24T05:00:00Z");
    private static final Instant FINISHED = CREATED.plusSeconds(40);
    private static final Run RUN = new Run(7, "nginx-upstream-reset", "edge-1", RunTrigger.incident(1),
            RunStatus.SUCCEEDED, false, 1, "replica-b", CREATED, CREATED.plusMillis(300), FINISHED, null);

    @Test
    void a_run_answers_the_request_that_started_it_and_those_that_joined_it_each_once() {
        List<Alert> alerts = List.of(
                request("https://hooks.slack.test/commands/earlier", CREATED.minusSeconds(60)),
                request("https://hooks.slack.test/commands/trigger", CREATED.minusMillis(20)),
                request("https://hooks.slack.test/commands/joined", CREATED.plusSeconds(10)),
                request("https://hooks.slack.test/commands/joined", CREATED.plusSeconds(11)),
                OwnAlerts.watcherStorm("edge-1", "resets", CREATED.plusSeconds(12)),
                request("https://hooks.slack.test/commands/later", FINISHED.plusMillis(1)));

        assertEquals(List.of("https://hooks.slack.test/commands/trigger", "https://hooks.slack.test/commands/joined"),
                Requesters.requestsOf(alerts, RUN));
    }

    @Test
    void a_request_without_a_response_url_is_not_answered() {
        assertEquals(List.of(), Requesters.requestsOf(List.of(OwnAlerts.diagnoseRequest("edge-1", "U0ALICE", null,
                CREATED)), RUN));
    }

    private static Alert request(String responseUrl, Instant at) {
        return OwnAlerts.diagnoseRequest("edge-1", "U0ALICE", responseUrl, at);
    }
}
