package medic.alert;

import static medic.alert.PayloadParserTest.fixture;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import medic.incident.AlertIntake;
import medic.incident.HostMapping;
import medic.incident.IntakeFixture;
import medic.incident.IntakeSettings;
import medic.incident.RecordingEvents;
import medic.store.Database;
import medic.testing.TestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Two replicas (own pool, own Javalin, own flow) on one database, Alertmanager delivering the same notification
 * to both many times at once over HTTP: one incident, one stored alert, one event in all.
 */
abstract class ReplicaWebhooksContract {

    private static final int REQUESTS = 12;

    private IntakeFixture fixture;
    private Database secondPool;
    private final RecordingEvents secondFlow = new RecordingEvents();
    private WebhookServer first;
    private WebhookServer second;
    private ExecutorService clients;

    abstract TestDatabase newTestDatabase();

    @BeforeEach
    void start() {
        fixture = new IntakeFixture(newTestDatabase());
        first = new WebhookServer(fixture.intake);
        secondPool = Database.open(fixture.testDatabase.settings());
        IntakeSettings settings = IntakeSettings.defaults();
        second = new WebhookServer(new AlertIntake(secondPool, new HostMapping(IntakeFixture.inventory(), settings),
                settings, secondFlow, fixture.clock));
        clients = Executors.newFixedThreadPool(REQUESTS);
    }

    @AfterEach
    void stop() throws InterruptedException {
        clients.shutdownNow();
        clients.awaitTermination(10, TimeUnit.SECONDS);
        first.close();
        second.close();
        secondPool.close();
        fixture.close();
    }

    @Test
    void the_same_delivery_at_two_replicas_at_once_opens_one_incident_and_tells_one_flow_once() throws Exception {
        String json = fixture("firing.json");
        CyclicBarrier start = new CyclicBarrier(REQUESTS);
        List<Future<HttpResponse<String>>> responses = new ArrayList<>();
        for (int i = 0; i < REQUESTS; i++) {
            WebhookServer replica = i % 2 == 0 ? first : second;
            responses.add(clients.submit(() -> {
                start.await(10, TimeUnit.SECONDS);
                return replica.post(json);
            }));
        }
        for (Future<HttpResponse<String>> response : responses) {
            assertEquals(202, response.get(60, TimeUnit.SECONDS).statusCode());
        }

        assertEquals(1, fixture.storedIncidents());
        assertEquals(1, fixture.storedAlerts());
        List<String> events = Stream.concat(fixture.events.lines().stream(), secondFlow.lines().stream()).toList();
        assertEquals(1, events.size(), events.toString());
        assertEquals("opened", events.get(0).split(" ")[0]);
    }
}
