package medic.incident;

import static medic.incident.Alerts.T0;
import static medic.incident.Alerts.firing;
import static medic.incident.Alerts.resolved;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import medic.testing.TestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** How alerts become incidents and events; run by one subclass per database. */
abstract class AlertIntakeContract {

    IntakeFixture fixture;

    abstract TestDatabase newTestDatabase();

    @BeforeEach
    void open() {
        fixture = new IntakeFixture(newTestDatabase());
    }

    @AfterEach
    void close() {
        assertEquals(0, StoredCounts.incidentsWithWrongCounts(fixture.database), "incidents with wrong counts");
        fixture.close();
    }

    @Test
    void a_firing_alert_opens_an_incident_for_its_host_and_upstream() {
        IntakeResult result = fixture.accept(firing("a1", T0, "edge-1", "checkout"));

        assertEquals(new IntakeResult(1, 1, 0, 0), result);
        assertEquals(List.of("opened #1 edge-1/checkout [a1]"), fixture.events.lines().stream()
                .map(line -> line.replaceFirst("#\\d+", "#1")).toList());
        Incident incident = fixture.store.open().get(0);
        assertEquals(IncidentState.OPEN, incident.state());
        assertEquals(Incident.NEW_STAGE, incident.stage());
        assertEquals("warning", incident.severity());
        assertEquals(1, incident.alertCount());
        assertEquals(1, incident.firingCount());
        assertEquals(T0.truncatedTo(java.time.temporal.ChronoUnit.MICROS), incident.firstSeen());
        assertEquals(IntakeFixture.START, incident.openedAt());
        assertEquals("incident-" + incident.id(), incident.threadKey());
        assertEquals(incident, fixture.events.incidents().get(0));
    }

    @Test
    void an_exact_resend_is_a_duplicate_that_stores_and_tells_nothing() {
        fixture.accept(firing("a1", T0, "edge-1", "checkout"));
        fixture.events.clear();

        IntakeResult again = fixture.accept(firing("a1", T0, "edge-1", "checkout"));

        assertEquals(new IntakeResult(1, 0, 0, 1), again);
        assertEquals(List.of(), fixture.events.lines());
        assertEquals(1, fixture.storedAlerts());
    }

    @Test
    void another_alert_for_an_open_incident_is_a_repeat_in_the_same_incident() {
        fixture.accept(firing("a1", T0, "edge-1", "checkout"));
        long id = fixture.store.open().get(0).id();
        fixture.clock.advance(Duration.ofSeconds(30));

        fixture.accept(firing("a1", T0, "edge-1", "checkout"), firing("a2", T0.plusSeconds(20), "edge-1", "checkout"));

        assertEquals("repeated #" + id + " edge-1/checkout [a2]", fixture.events.lines().get(1));
        Incident incident = fixture.store.incident(id).orElseThrow();
        assertEquals(2, incident.firingCount());
        assertEquals(IntakeFixture.START.plusSeconds(30), incident.lastSeen());
    }

    @Test
    void the_same_fingerprint_with_a_new_start_is_a_new_occurrence_that_supersedes_the_old() {
        fixture.accept(firing("a1", T0, "edge-1", "checkout"));
        long id = fixture.store.open().get(0).id();

        IntakeResult result = fixture.accept(firing("a1", T0.plusSeconds(600), "edge-1", "checkout"));

        assertEquals(new IntakeResult(1, 1, 1, 0), result);
        assertEquals("repeated #" + id + " edge-1/checkout [a1]", fixture.events.lines().get(1));
        Incident incident = fixture.store.incident(id).orElseThrow();
        assertEquals(2, incident.alertCount());
        assertEquals(1, incident.firingCount());
        List<Alert> stored = fixture.store.alerts(id);
        assertEquals(List.of(AlertStatus.RESOLVED, AlertStatus.FIRING), stored.stream().map(Alert::status).toList());
    }

    @Test
    void a_late_resend_of_a_superseded_occurrence_changes_nothing_and_says_nothing() {
        fixture.accept(firing("a1", T0.plusSeconds(600), "edge-1", "checkout"));
        fixture.events.clear();

        IntakeResult late = fixture.accept(firing("a1", T0, "edge-1", "checkout"));

        assertEquals(1, late.newOccurrences());
        assertEquals(List.of(), fixture.events.lines());
        assertEquals(1, fixture.store.open().get(0).firingCount());
    }

    @Test
    void upstreams_of_one_host_are_separate_incidents_and_an_alert_without_one_goes_to_star() {
        fixture.accept(firing("a1", T0, "edge-1", "checkout"), firing("a2", T0, "edge-1", "payments"),
                firing("a3", T0, "edge-1", null));

        assertEquals(List.of("edge-1/*", "edge-1/checkout", "edge-1/payments"), fixture.store.open().stream()
                .map(incident -> incident.host() + "/" + incident.upstream()).sorted().toList());
    }

    @Test
    void resolving_some_alerts_keeps_the_incident_open_and_resolving_all_resolves_it() {
        fixture.accept(firing("a1", T0, "edge-1", "checkout"), firing("a2", T0, "edge-1", "checkout"));
        long id = fixture.store.open().get(0).id();
        fixture.clock.advance(Duration.ofMinutes(3));

        fixture.accept(resolved("a1", T0, T0.plusSeconds(170), "edge-1", "checkout"),
                firing("a2", T0, "edge-1", "checkout"));
        assertEquals(1, fixture.events.lines().size());
        assertEquals(1, fixture.store.incident(id).orElseThrow().firingCount());

        fixture.accept(resolved("a1", T0, T0.plusSeconds(170), "edge-1", "checkout"),
                resolved("a2", T0, T0.plusSeconds(175), "edge-1", "checkout"));

        assertEquals("resolved #" + id + " edge-1/checkout", fixture.events.lines().get(1));
        Incident incident = fixture.store.incident(id).orElseThrow();
        assertEquals(IncidentState.RESOLVED, incident.state());
        assertEquals(IntakeFixture.START.plus(Duration.ofMinutes(3)), incident.resolvedAt());
        assertEquals(List.of(), fixture.store.open());
    }

    @Test
    void a_resolved_resend_is_a_duplicate() {
        fixture.accept(firing("a1", T0, "edge-1", "checkout"));
        fixture.accept(resolved("a1", T0, T0.plusSeconds(60), "edge-1", "checkout"));
        fixture.events.clear();

        IntakeResult again = fixture.accept(resolved("a1", T0, T0.plusSeconds(60), "edge-1", "checkout"));

        assertEquals(new IntakeResult(1, 0, 0, 1), again);
        assertEquals(List.of(), fixture.events.lines());
    }

    @Test
    void a_stale_firing_resend_after_the_resolution_does_not_reopen() {
        fixture.accept(firing("a1", T0, "edge-1", "checkout"));
        fixture.accept(resolved("a1", T0, T0.plusSeconds(60), "edge-1", "checkout"));
        fixture.events.clear();

        fixture.accept(firing("a1", T0, "edge-1", "checkout"));

        assertEquals(List.of(), fixture.events.lines());
        assertEquals(List.of(), fixture.store.open());
    }

    @Test
    void a_resolution_with_a_start_moved_earlier_resolves_the_firing_occurrence() {
        fixture.accept(firing("a1", T0, "edge-1", "checkout"));

        fixture.accept(resolved("a1", T0.minusMillis(1), T0.plusSeconds(60), "edge-1", "checkout"));

        assertEquals(List.of(), fixture.store.open());
        assertTrue(fixture.events.lines().get(1).startsWith("resolved"));
    }

    @Test
    void a_resolution_of_a_newer_occurrence_ends_the_older_one_and_is_kept() {
        fixture.accept(firing("a1", T0, "edge-1", "checkout"));

        IntakeResult result = fixture.accept(resolved("a1", T0.plusSeconds(600), T0.plusSeconds(660), "edge-1", "checkout"));

        assertEquals(new IntakeResult(1, 1, 1, 0), result);
        assertEquals(2, fixture.storedAlerts());
        assertEquals(List.of(), fixture.store.open());
        assertTrue(fixture.events.lines().get(1).startsWith("resolved"));
    }

    @Test
    void a_resolution_never_seen_firing_is_stored_without_an_incident_or_event() {
        IntakeResult result = fixture.accept(resolved("a9", T0, T0.plusSeconds(60), "edge-1", "checkout"));

        assertEquals(new IntakeResult(1, 1, 0, 0), result);
        assertEquals(List.of(), fixture.events.lines());
        assertEquals(0, fixture.storedIncidents());
        assertEquals(1, fixture.storedAlerts());
    }

    @Test
    void firing_again_within_the_reopen_window_reopens_the_same_incident() {
        fixture.accept(firing("a1", T0, "edge-1", "checkout"));
        Incident first = fixture.store.open().get(0);
        fixture.accept(resolved("a1", T0, T0.plusSeconds(60), "edge-1", "checkout"));
        fixture.clock.advance(Duration.ofMinutes(14));

        fixture.accept(firing("a1", T0.plus(Duration.ofMinutes(14)), "edge-1", "checkout"));

        assertEquals("reopened #" + first.id() + " edge-1/checkout [a1]", fixture.events.lines().get(2));
        Incident reopened = fixture.store.incident(first.id()).orElseThrow();
        assertEquals(IncidentState.OPEN, reopened.state());
        assertEquals(1, reopened.reopenCount());
        assertNull(reopened.resolvedAt());
        assertEquals(1, fixture.storedIncidents());
    }

    @Test
    void firing_again_after_the_reopen_window_opens_a_new_incident() {
        fixture.accept(firing("a1", T0, "edge-1", "checkout"));
        long first = fixture.store.open().get(0).id();
        fixture.accept(resolved("a1", T0, T0.plusSeconds(60), "edge-1", "checkout"));
        fixture.clock.advance(Duration.ofMinutes(16));

        fixture.accept(firing("a1", T0.plus(Duration.ofMinutes(16)), "edge-1", "checkout"));

        Incident second = fixture.store.open().get(0);
        assertTrue(second.id() != first, "a new incident");
        assertTrue(fixture.events.lines().get(2).startsWith("opened #" + second.id()));
        assertEquals(List.of(second.id(), first), fixture.store.history("edge-1", 10).stream().map(Incident::id).toList());
    }

    @Test
    void an_alert_for_no_inventory_host_is_stored_and_reported_once() {
        Alert stranger = firing("z1", T0, "db-7", "checkout");

        fixture.accept(stranger);
        fixture.accept(stranger);

        assertEquals(List.of("unknown host z1"), fixture.events.lines());
        assertEquals(1, fixture.storedAlerts());
        assertEquals(0, fixture.storedIncidents());
    }

    @Test
    void labels_with_shell_syntax_are_stored_verbatim() {
        String hostile = "/api/$(reboot);`id`|&> 'x' \"y\" \\z";
        fixture.accept(Alerts.withLabel(firing("a1", T0, "edge-1", "checkout"), "path", hostile));

        Alert stored = fixture.store.alerts(fixture.store.open().get(0).id()).get(0);
        assertEquals(hostile, stored.labels().get("path"));
        assertEquals("resets on edge-1", stored.annotations().get("summary"));
    }

    @Test
    void severity_is_the_most_severe_seen() {
        fixture.accept(firing("a1", T0, "edge-1", "checkout"),
                Alerts.withLabel(firing("a2", T0, "edge-1", "checkout"), "severity", "critical"));
        fixture.accept(Alerts.withLabel(firing("a3", T0, "edge-1", "checkout"), "severity", "info"));

        assertEquals("critical", fixture.store.open().get(0).severity());
    }

    @Test
    void advance_moves_the_stage_only_from_the_expected_one() {
        fixture.accept(firing("a1", T0, "edge-1", "checkout"));
        long id = fixture.store.open().get(0).id();

        assertTrue(fixture.store.advance(id, Incident.NEW_STAGE, "DIAGNOSING"));
        assertFalse(fixture.store.advance(id, Incident.NEW_STAGE, "DIAGNOSING"), "a second replica loses");
        assertFalse(fixture.store.advance(id + 100, "DIAGNOSING", "POSTED"), "no such incident");

        assertEquals("DIAGNOSING", fixture.store.incident(id).orElseThrow().stage());
        assertEquals(List.of(), fixture.store.inStage(Incident.NEW_STAGE));
        assertEquals(List.of(id), fixture.store.inStage("DIAGNOSING").stream().map(Incident::id).toList());
    }

    @Test
    void snooze_and_outcome_are_kept_for_status_and_history() {
        fixture.accept(firing("a1", T0, "edge-1", "checkout"));
        long id = fixture.store.open().get(0).id();

        assertTrue(fixture.store.snooze(id, IntakeFixture.START.plus(Duration.ofHours(1))));
        assertTrue(fixture.store.recordOutcome(id, "applied change 17"));

        Incident incident = fixture.store.history("edge-1", 5).get(0);
        assertTrue(incident.isSnoozedAt(IntakeFixture.START));
        assertFalse(incident.isSnoozedAt(IntakeFixture.START.plus(Duration.ofHours(2))));
        assertEquals("applied change 17", incident.outcome());
        assertTrue(fixture.store.snooze(id, null));
        assertNull(fixture.store.incident(id).orElseThrow().snoozedUntil());
    }
}
