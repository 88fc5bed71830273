package medic.apply;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;
import medic.apply.StepReport.Status;
import medic.apply.probe.HttpHealthProbe;
import medic.apply.probe.Probe;
import medic.testing.RequiresProgram;
import medic.testing.TestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Real applies: over SSH to Debian's nginx in a temp prefix, in front of a real WebSocket upstream. */
@RequiresProgram("nginx")
class ApplyOverSshTest {

    @TempDir
    Path dir;

    private ApplyRig rig;
    private final List<StepReport> heard = new CopyOnWriteArrayList<>();

    @BeforeEach
    void start() throws Exception {
        rig = new ApplyRig(dir, TestDatabase.h2In(dir));
    }

    @AfterEach
    void stop() throws Exception {
        rig.close();
    }

    @Test
    void applies_reloads_and_the_tunnel_then_outlives_the_old_timeout() throws Exception {
        assertFalse(rig.webSocketProbe().run().passed(), "before the change the idle tunnel is cut at 2 s");
        String before = Files.readString(rig.site);
        long changeId = rig.approvedChange("proxy_read_timeout 2s;", "proxy_read_timeout 3600s;");

        ApplyResult result = rig.applier().apply(changeId, List.of(rig.webSocketProbe()), heard::add);

        assertEquals(ChangeState.APPLIED, result.state(), result.toString());
        assertTrue(Files.readString(rig.site).contains("proxy_read_timeout 3600s;"));
        assertTrue(rig.nginx.test().passed());
        try (Stream<Path> files = Files.list(rig.site.getParent())) {
            Path copy = files.filter(f -> f.getFileName().toString().startsWith(".site.conf.medic-")).findFirst()
                    .orElseThrow(() -> new AssertionError("no backup copy beside site.conf"));
            assertEquals(before, Files.readString(copy));
        }
        assertEquals(List.of(ApplyStep.LOCK, ApplyStep.CIRCUIT_BREAKER, ApplyStep.DRIFT_CHECK, ApplyStep.BACKUP,
                ApplyStep.WRITE, ApplyStep.NGINX_TEST, ApplyStep.RELOAD, ApplyStep.VERIFY, ApplyStep.DONE),
                heard.stream().filter(r -> r.status() != Status.STARTED).map(StepReport::step).toList());
        assertTrue(heard.stream().filter(r -> r.step() == ApplyStep.VERIFY && r.status() == Status.PASSED)
                .anyMatch(r -> r.output().contains("still echoing after 3000 ms idle")), heard.toString());
        assertTrue(rig.audit.forHost("edge-1", 100).stream().anyMatch(e -> e.event().equals("DONE_PASSED")));
        assertTrue(rig.webSocketProbe().run().passed());
    }

    @Test
    void a_proposal_that_fails_nginx_t_is_restored_and_nginx_keeps_serving() throws Exception {
        String before = Files.readString(rig.site);
        long changeId = rig.approvedChange("proxy_read_timeout 2s;", "proxy_read_timeout banana;");

        ApplyResult result = rig.applier().apply(changeId, List.of(health()), heard::add);

        assertEquals(ChangeState.RESTORED, result.state());
        assertTrue(result.message().contains("\"proxy_read_timeout\" directive invalid value"), result.message());
        assertEquals(before, Files.readString(rig.site));
        assertTrue(heard.stream().anyMatch(r -> r.step() == ApplyStep.RETEST && r.status() == Status.PASSED
                && r.output().contains("test is successful")), heard.toString());
        assertFalse(heard.stream().anyMatch(r -> r.step() == ApplyStep.RELOAD), "a config failing nginx -t is never loaded");
        assertEquals(200, get("/health"));
    }

    @Test
    void a_failed_verification_rolls_back_on_its_own() throws Exception {
        String before = Files.readString(rig.site);
        long changeId = rig.approvedChange("proxy_read_timeout 2s;", "proxy_read_timeout 1s;");

        ApplyResult result = rig.applier().apply(changeId, List.of(health(), rig.webSocketProbe()), heard::add);

        assertEquals(ChangeState.RESTORED, result.state());
        assertTrue(result.message().startsWith("verification failed: WebSocket"), result.message());
        assertEquals(before, Files.readString(rig.site));
        assertTrue(heard.stream().anyMatch(r -> r.step() == ApplyStep.RELOAD_RESTORED && r.status() == Status.PASSED));
        assertEquals(200, get("/health"));
    }

    @Test
    void a_drifted_file_is_refused_naming_it() throws Exception {
        long changeId = rig.approvedChange("proxy_read_timeout 2s;", "proxy_read_timeout 3600s;");
        Files.writeString(rig.site, Files.readString(rig.site) + "# edited by hand\n");

        ApplyResult result = rig.applier().apply(changeId, List.of(), heard::add);

        assertEquals(ChangeState.REFUSED, result.state());
        assertTrue(result.message().startsWith(rig.site + " changed since the proposal was made"), result.message());
        assertTrue(Files.readString(rig.site).contains("proxy_read_timeout 2s;"));
    }

    @Test
    void rolls_back_an_applied_change_by_its_id() throws Exception {
        String before = Files.readString(rig.site);
        long changeId = rig.approvedChange("proxy_read_timeout 2s;", "proxy_read_timeout 3600s;");
        Applier applier = rig.applier();
        assertEquals(ChangeState.APPLIED, applier.apply(changeId, List.of(health()), heard::add).state());

        ApplyResult rolledBack = applier.rollback(changeId, "U_CAROL", heard::add);

        assertEquals(ChangeState.ROLLED_BACK, rolledBack.state(), rolledBack.toString());
        assertEquals(before, Files.readString(rig.site));
        assertFalse(rig.webSocketProbe().run().passed(), "the old timeout is back after the rollback's reload");
        assertTrue(rig.audit.forChange(changeId).stream().anyMatch(e -> e.actor().equals("U_CAROL")
                && e.event().equals("ROLLBACK_REQUESTED")));
    }

    @Test
    void the_circuit_breaker_refuses_past_the_hourly_limit_and_says_when_it_closes() throws Exception {
        Applier applier = rig.applier(new CircuitBreaker(rig.database, 1, 10), FaultInjection.NONE);
        long first = rig.approvedChange("proxy_read_timeout 2s;", "proxy_read_timeout 3600s;");
        assertEquals(ChangeState.APPLIED, applier.apply(first, List.of(health()), heard::add).state());
        long second = rig.approvedChange("proxy_read_timeout 3600s;", "proxy_read_timeout 7200s;");

        ApplyResult refused = applier.apply(second, List.of(health()), heard::add);

        assertEquals(ChangeState.REFUSED, refused.state());
        assertTrue(refused.message().matches("circuit breaker open for edge-1: 1 applies in the last hour \\(limit 1\\);"
                + " it closes at .*"), refused.message());
    }

    @Test
    void two_changes_of_one_approval_cannot_both_be_applied() throws Exception {
        long changeId = rig.approvedChange("proxy_read_timeout 2s;", "proxy_read_timeout 3600s;");
        Applier applier = rig.applier();
        assertEquals(ChangeState.APPLIED, applier.apply(changeId, List.of(), heard::add).state());
        assertEquals(ChangeState.APPLIED, applier.apply(changeId, List.of(), heard::add).state());
        assertEquals(1, rig.audit.forChange(changeId).stream().filter(e -> e.event().equals("WRITE_PASSED")).count());
    }

    private Probe health() {
        return new HttpHealthProbe(URI.create("http://127.0.0.1:" + rig.port + "/health"), Duration.ofSeconds(5));
    }

    private int get(String path) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + rig.port
                + path)).build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }
}
