package medic.lifecycle;

import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import medic.alert.PayloadParser;
import medic.incident.AlertIntake;
import medic.incident.HostMapping;
import medic.incident.IncidentEvents;
import medic.incident.IncidentStore;
import medic.incident.IntakeSettings;
import medic.inventory.Inventory;
import medic.server.Medic;
import medic.server.MedicSettings;
import medic.slack.bolt.FakeSlackApi;
import medic.store.Database;
import medic.store.DatabaseSettings;
import medic.testing.RequiresProgram;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.quartz.impl.SchedulerRepository;

/**
 * Issue 7's crash windows between two writes that left an incident stuck, each reproduced exactly (the first write
 * done, the second never) and then recovered by a restarted medic's {@link StuckIncidents} sweep: the incident
 * finishes its stage, with one top-level Slack message and nothing done twice. (The third window, the parent
 * message's first post, is one transaction now: {@link ParentPostTest}.)
 */
@RequiresProgram("nginx")
class CrashWindowsTest {
    private static final Pattern APPROVE_VALUE = Pattern.compile("incident=(\\d+);proposal=([0-9a-f]{64})");

    @TempDir
    Path dir;

    private FlowRig rig;

    @BeforeEach
    void createRig() throws Exception {
        rig = new FlowRig(dir);
    }

    @AfterEach
    void closeRig() throws Exception {
        rig.close();
    }

    @Test
    void an_incident_moved_to_diagnosing_whose_run_was_never_submitted_is_diagnosed_after_a_restart()
            throws Exception {
        // The first write, as Intake.opened and Diagnose.start make it; then the "crash": runs.submit never happens.
        long incident;
        try (Database database = Database.open(databaseSettings())) {
            IntakeSettings intakeSettings = IntakeSettings.defaults();
            AlertIntake intake = new AlertIntake(database, new HostMapping(Inventory.load(dir.resolve("inventory.yaml")),
                    intakeSettings), intakeSettings, IncidentEvents.IGNORE, Clock.systemUTC());
            intake.accept(new PayloadParser().parse(FakeSlackApi.fixture("../alertmanager/firing.json")
                    .getBytes(StandardCharsets.UTF_8)).alerts());
            IncidentStore incidents = new IncidentStore(database);
            incident = incidents.open().get(0).id();
            new FlowStore(database, Clock.systemUTC()).create(incident, "NginxUpstreamResets", Optional.empty());
            assertTrue(incidents.advance(incident, Stage.NEW.name(), Stage.DIAGNOSING.name()));
            ageStage(database);
        }

        try (Medic medic = startMedic()) {
            await(() -> posts("/api/chat.postMessage").stream().anyMatch(b -> b.contains("medic_approve")),
                    "the diagnosis with its Approve button");
            assertEquals("AWAITING_APPROVAL", text("SELECT stage FROM incidents WHERE id = " + incident));
        }
        assertEquals(1, count("SELECT COUNT(*) FROM runs"), "one run, started by the sweep");
        assertEquals(1, topLevelPosts().size(), "one top-level message: " + topLevelPosts());
    }

    @Test
    void an_approved_change_whose_apply_job_was_never_scheduled_is_applied_once_after_a_restart() throws Exception {
        String before = Files.readString(rig.site);
        try (Medic medic = startMedic()) {
            assertEquals(202, rig.webhook(medic.port(), FakeSlackApi.fixture("../alertmanager/firing.json"))
                    .statusCode());
            await(() -> posts("/api/chat.postMessage").stream().anyMatch(b -> b.contains("medic_approve")),
                    "the diagnosis");
            Matcher approve = APPROVE_VALUE.matcher(posts("/api/chat.postMessage").stream()
                    .filter(b -> b.contains("medic_approve")).findFirst().orElseThrow());
            assertTrue(approve.find());
            // The "crash" after the approval's writes: the scheduler is gone, so the apply job is never scheduled.
            SchedulerRepository.getInstance().lookup("medic").shutdown(false);
            assertEquals(200, rig.click(medic.port(), "medic_approve", approve.group(), FlowRig.APPROVER).statusCode());
            await(() -> "APPLYING".equals(text("SELECT stage FROM incidents")), "the approval's first writes");
        }
        assertEquals("APPROVED", text("SELECT state FROM apply_changes"));
        assertEquals(0, count("SELECT COUNT(*) FROM QRTZ_JOB_DETAILS WHERE JOB_NAME LIKE 'apply-change-%'"),
                "stuck: no apply job");
        assertEquals(before, Files.readString(rig.site));
        try (Database database = Database.open(databaseSettings())) {
            ageStage(database);
        }

        try (Medic medic = startMedic()) {
            await(() -> posts("/api/chat.update").stream().anyMatch(b -> b.contains("medic_rollback")),
                    "the applied change, with its Rollback button");
        }
        assertEquals("APPLIED", text("SELECT stage FROM incidents"));
        assertEquals("APPLIED", text("SELECT state FROM apply_changes"));
        assertEquals(1, count("SELECT COUNT(*) FROM apply_audit WHERE event = 'RELOAD_PASSED'"),
                "nginx reloaded once: the change was applied once");
        assertNotEquals(before, Files.readString(rig.site));
        assertTrue(rig.nginx.test().passed());
        assertEquals(1, topLevelPosts().size(), "one top-level message: " + topLevelPosts());
    }

    private Medic startMedic() {
        return Medic.start(MedicSettings.load(Optional.empty(), rig.environment()), List.of(), Clock.systemUTC());
    }

    private DatabaseSettings databaseSettings() {
        return DatabaseSettings.h2File(dir.resolve("db/medic"));
    }

    /** The stage was entered an hour ago: long past the sweep's grace, as after a crash and a late restart. */
    private static void ageStage(Database database) throws SQLException {
        try (Connection connection = database.dataSource().getConnection();
             PreparedStatement update = connection.prepareStatement("UPDATE incidents SET stage_changed_at = ?")) {
            medic.store.Jdbc.setInstant(update, 1, Instant.now().minus(Duration.ofHours(1)));
            assertEquals(1, update.executeUpdate());
        }
    }

    private Object query(String sql) {
        try (Database database = Database.open(databaseSettings());
             Connection connection = database.dataSource().getConnection();
             PreparedStatement select = connection.prepareStatement(sql); ResultSet row = select.executeQuery()) {
            return row.next() ? row.getObject(1) : null;
        } catch (SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
    }

    private long count(String sql) {
        return ((Number) query(sql)).longValue();
    }

    private String text(String sql) {
        return (String) query(sql);
    }

    private List<String> posts(String path) {
        return rig.slack.wireMock().findAll(postRequestedFor(urlEqualTo(path))).stream()
                // Slack's SDK writes '=' in JSON strings as \u003d.
                .map(r -> URLDecoder.decode(r.getBodyAsString(), StandardCharsets.UTF_8).replace("\\u003d", "="))
                .toList();
    }

    private List<String> topLevelPosts() {
        return posts("/api/chat.postMessage").stream().filter(b -> !b.contains("thread_ts=")).toList();
    }

    private static void await(BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not within 90 s: " + what);
            }
            Thread.sleep(100);
        }
    }
}
