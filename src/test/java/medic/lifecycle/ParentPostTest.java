package medic.lifecycle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import medic.incident.Incident;
import medic.incident.IncidentState;
import medic.outbox.DurableOutbox;
import medic.outbox.OutboxSettings;
import medic.slack.api.NoSlack;
import medic.slack.message.IncidentMessages;
import medic.slack.message.MessageTemplates;
import medic.store.Database;
import medic.store.DatabaseSettings;
import medic.store.StoreException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The parent message's first post, the first of issue 7's crash windows: the thread's "posted" mark and the queued
 * post are one transaction, so a failure between them (the crash) leaves neither, and the next show posts once.
 */
class ParentPostTest {
    private static final long INCIDENT = 42;

    @TempDir
    Path dir;

    private Database database;
    private DurableOutbox outbox;
    private FlowStore flows;
    private Parent parent;
    private final Instant now = Instant.parse("2026-11-24T05:00:00Z");
    private final Incident incident = new Incident(INCIDENT, "edge-1", "checkout", IncidentState.OPEN, "DIAGNOSING",
            "critical", now, now, now, null, 1, 1, 0, null, null);

    @BeforeEach
    void open() {
        database = Database.open(DatabaseSettings.h2File(dir.resolve("medic")));
        outbox = DurableOutbox.start(database, new NoSlack(), OutboxSettings.DEFAULTS,
                new PrometheusMeterRegistry(PrometheusConfig.DEFAULT));
        flows = new FlowStore(database, Clock.systemUTC());
        parent = new Parent(new IncidentMessages(MessageTemplates.defaults()), flows, outbox, "C0123ABCD");
        flows.create(INCIDENT, "NginxUpstreamResets", Optional.empty());
    }

    @AfterEach
    void close() {
        outbox.close();
        database.close();
    }

    @Test
    void a_failure_between_marking_the_thread_posted_and_queuing_the_post_leaves_neither() throws SQLException {
        execute("ALTER TABLE outbox_calls RENAME TO outbox_calls_away"); // the post's insert fails: the "crash"
        assertThrows(StoreException.class, () -> parent.show(incident, flow(),
                new medic.slack.message.IncidentState.Diagnosing(now)));
        execute("ALTER TABLE outbox_calls_away RENAME TO outbox_calls");
        assertFalse(flow().posted(), "the mark was rolled back with the failed post: the thread is not stuck unposted");
        assertEquals(0, calls("POST"));

        parent.show(incident, flow(), new medic.slack.message.IncidentState.Diagnosing(now));
        assertTrue(flow().posted());
        assertEquals(1, calls("POST"), "the next show posts the thread");
    }

    @Test
    void the_thread_is_posted_once_and_then_updated() {
        Flow before = flow();
        parent.show(incident, before, new medic.slack.message.IncidentState.Diagnosing(now));
        // A second caller that read the flow before the first posted: the database lets only one post.
        parent.show(incident, before, new medic.slack.message.IncidentState.Failed("runbook failed"));
        assertEquals(1, calls("POST"));
        assertEquals(1, calls("UPDATE"));
    }

    private Flow flow() {
        return flows.find(INCIDENT).orElseThrow();
    }

    private long calls(String kind) {
        try (Connection connection = database.dataSource().getConnection();
             Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery("SELECT COUNT(*) FROM outbox_calls WHERE thread_key = 'incident-"
                     + INCIDENT + "' AND kind = '" + kind + "'")) {
            row.next();
            return row.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private void execute(String sql) throws SQLException {
        try (Connection connection = database.dataSource().getConnection();
             Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
