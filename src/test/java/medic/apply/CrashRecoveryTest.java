package medic.apply;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import medic.inventory.HostEntry;
import medic.remote.LocalHost;
import medic.store.Database;
import medic.store.DatabaseSettings;
import medic.testing.NginxHarness;
import medic.testing.Ports;
import medic.testing.RequiresProgram;
import medic.testing.RunningNginx;
import medic.testing.TestResources;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Kills a child JVM (SIGKILL) at each fault point of an apply touching two files, then recovers in this JVM:
 * nginx -t passes, both files hold their old content (or the change stays APPROVED, untouched), the lock is free,
 * and the audit says which state the recovery found and what it did to each file.
 */
@RequiresProgram("nginx")
class CrashRecoveryTest {

    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(value = FaultPoint.class, names = "MID_RESTORE", mode = EnumSource.Mode.EXCLUDE)
    void a_kill_at_each_point_leaves_a_config_that_passes_nginx_t_after_recovery(FaultPoint point) throws Exception {
        killAndRecover(point, "proxy_read_timeout 3600s;");
    }

    /** A restore happens only when an apply fails: here nginx -t refuses the new value, and the kill lands mid-restore. */
    @org.junit.jupiter.api.Test
    void a_kill_in_the_middle_of_a_restore_still_ends_on_the_old_config() throws Exception {
        killAndRecover(FaultPoint.MID_RESTORE, "proxy_read_timeout banana;");
    }

    private void killAndRecover(FaultPoint point, String newReadTimeout) throws Exception {
        int port = Ports.freePort();
        try (EchoUpstream upstream = EchoUpstream.start(Ports.freePort());
             RunningNginx nginx = NginxHarness.installed().start(TestResources.path("apply/site"), "nginx.conf",
                     Map.of("@PORT@", Integer.toString(port), "@UPSTREAM_PORT@", Integer.toString(upstream.getPort())),
                     port)) {
            Path wrapper = ApplyRig.writeWrapper(dir, nginx);
            Path main = nginx.mainConfig();
            Path site = nginx.configDir().resolve("conf.d/site.conf");
            String mainBefore = Files.readString(main);
            String siteBefore = Files.readString(site);
            String pidFile = nginx.prefix().resolve("logs/nginx.pid").toString();
            DatabaseSettings settings = DatabaseSettings.h2File(dir.resolve("medic"));
            long changeId;
            try (Database database = Database.open(settings)) {
                AuditLog audit = new AuditLog(database);
                SealedProposal sealed = new Proposals(database, audit, ApprovalRules.defaults()).seal("edge-1",
                        TestProposals.of(
                                TestProposals.change(main.toString(), "nginx.conf", mainBefore,
                                        mainBefore.replace("worker_connections 64;", "worker_connections 128;")),
                                TestProposals.change(site.toString(), "conf.d/site.conf", siteBefore,
                                        siteBefore.replace("proxy_read_timeout 2s;", newReadTimeout))),
                        "U_BOB", Instant.now());
                changeId = ((ApprovalOutcome.Approved) new Approvals(database, audit,
                        ApproverPolicy.allowList(Set.of("U_ALICE")), ApprovalRules.defaults())
                        .approve(sealed.id(), "U_ALICE", sealed.diffSha256(), Instant.now())).changeId();
            }

            Path marker = dir.resolve("marker");
            Process child = startChild(settings, changeId, point, marker, wrapper, main, pidFile);
            try {
                awaitMarker(child, marker, point);
            } finally {
                child.destroyForcibly();
                assertTrue(child.waitFor(10, TimeUnit.SECONDS), "the child survived SIGKILL");
            }

            HostEntry entry = CrashChild.localEntry(wrapper.toString(), main.toString());
            try (Database database = Database.open(settings)) {
                AuditLog audit = new AuditLog(database);
                Applier applier = new Applier(database, audit, new Proposals(database, audit, ApprovalRules.defaults()),
                        new CircuitBreaker(database, 100, 1000), name -> new ApplyHost(entry, new LocalHost("edge-1"),
                        Optional.of(pidFile)), FaultInjection.NONE, Clock.systemUTC(), "survivor");
                List<ApplyResult> recovered = applier.recoverInterrupted(StepListener.NONE);

                assertEquals(1, recovered.size(), recovered.toString());
                if (point != FaultPoint.AFTER_LOCK
                        && applier.change(changeId).orElseThrow().state() == ChangeState.APPROVED) {
                    assertLostStartLeftForAPerson(recovered.get(0), nginx, changeId, Map.of(main, mainBefore, site,
                            siteBefore));
                    assertFalse(new ChangeJournal(database).lockHolder("edge-1").isPresent(), "the host lock is free");
                    return;
                }
                ChangeState expected = point == FaultPoint.AFTER_LOCK ? ChangeState.APPROVED : ChangeState.RECOVERED;
                assertEquals(expected, applier.change(changeId).orElseThrow().state(), recovered.toString());
                assertTrue(nginx.test().passed(), "nginx -t after recovery: " + nginx.test().stderr());
                assertEquals(mainBefore, Files.readString(main));
                assertEquals(siteBefore, Files.readString(site));
                assertTrue(nginx.isRunning());
                assertFalse(new ChangeJournal(database).lockHolder("edge-1").isPresent(), "the host lock is free");
                if (expected == ChangeState.RECOVERED) {
                    assertTrue(audit.forChange(changeId).stream().anyMatch(e -> e.event().equals("DONE_PASSED")
                            && e.detail().startsWith("RECOVERED")), audit.forChange(changeId).toString());
                }
                assertRecoveryAudit(audit.forChange(changeId), changeId, point, main.toString(), site.toString());
            }
        }
    }

    /**
     * H2 came back without even BACKED_UP (seen once in CI): the journal says APPROVED and no backup is in the
     * database. With the files untouched the change was simply not started; with a file changed recovery must not
     * guess: it leaves the change APPROVED and says a person must look and where the host backups lie. Either way
     * nginx passes nginx -t and runs, and each changed file has a host backup of its original content beside it.
     */
    private static void assertLostStartLeftForAPerson(ApplyResult result, RunningNginx nginx, long changeId,
            Map<Path, String> before) throws Exception {
        assertTrue(nginx.test().passed(), "nginx -t after recovery: " + nginx.test().stderr());
        assertTrue(nginx.isRunning());
        for (Map.Entry<Path, String> file : before.entrySet()) {
            String now = Files.readString(file.getKey());
            if (now.equals(file.getValue())) {
                continue;
            }
            assertTrue(result.message().contains("a person must look"), result.toString());
            String prefix = "." + file.getKey().getFileName() + ".medic-";
            try (var siblings = Files.list(file.getKey().getParent())) {
                assertTrue(siblings.filter(p -> p.getFileName().toString().startsWith(prefix)
                        && p.getFileName().toString().endsWith("-c" + changeId + ".bak")).anyMatch(p -> {
                            try {
                                return Files.readString(p).equals(file.getValue());
                            } catch (java.io.IOException e) {
                                return false;
                            }
                        }), file.getKey() + " changed but holds no host backup of its original content");
            }
        }
    }

    /**
     * The recovery's audit: the state it found and, per file, what the restore found and did. The state is the one
     * the kill interrupted or, when H2 came back without its newest commits (it lost WRITING at MID_WRITE in most of
     * 40 runs on a loaded machine), an earlier one; the files tell the truth either way.
     */
    private static void assertRecoveryAudit(List<AuditEvent> events, long changeId, FaultPoint point, String main,
            String site) {
        Expected expected = Expected.at(point);
        List<AuditEvent> recovery = events.stream().dropWhile(e -> !e.event().equals("RECOVERY_FOUND")).toList();
        assertFalse(recovery.isEmpty(), "no RECOVERY_FOUND in " + events);
        String found = recovery.get(0).detail();
        String prefix = "found change " + changeId + " in state ";
        assertTrue(found.startsWith(prefix), found);
        ChangeState state = ChangeState.valueOf(found.substring(prefix.length(), found.indexOf(' ', prefix.length())));
        assertTrue(state.ordinal() <= expected.found.ordinal() && (state == ChangeState.APPROVED) == (expected.found
                == ChangeState.APPROVED), found + "\n" + events.stream().map(e -> e.event() + " " + e.detail()).toList());
        List<String> files = recovery.stream().filter(e -> e.event().equals("RESTORE_FILE")).map(AuditEvent::detail)
                .toList();
        List<String> wanted = expected.found == ChangeState.APPROVED ? List.of()
                : List.of(new FileRestore(main, expected.main, "").describe(),
                        new FileRestore(site, expected.site, "").describe());
        assertEquals(wanted, files, "what the recovery did per file");
        boolean rewroteAny = expected.main != FileRestore.Found.ORIGINAL || expected.site != FileRestore.Found.ORIGINAL;
        boolean reloaded = recovery.stream().anyMatch(e -> e.event().equals("RELOAD_RESTORED_PASSED"));
        assertEquals(rewroteAny || state.ordinal() >= ChangeState.TESTED.ordinal(), reloaded,
                "a recovery reloads when it rewrote a file or nginx may have loaded the new config: " + found);
    }

    /** Where a kill at {@code point} leaves the journal, and what each file then holds. */
    private record Expected(ChangeState found, FileRestore.Found main, FileRestore.Found site) {
        static Expected at(FaultPoint point) {
            FileRestore.Found original = FileRestore.Found.ORIGINAL;
            FileRestore.Found changed = FileRestore.Found.NEW;
            return switch (point) {
                case AFTER_LOCK -> new Expected(ChangeState.APPROVED, original, original);
                case AFTER_BACKUP -> new Expected(ChangeState.BACKED_UP, original, original);
                case MID_WRITE -> new Expected(ChangeState.WRITING, changed, original);
                case AFTER_WRITE -> new Expected(ChangeState.WRITING, changed, changed);
                case AFTER_TEST -> new Expected(ChangeState.TESTED, changed, changed);
                case AFTER_RELOAD, AFTER_VERIFY -> new Expected(ChangeState.RELOADED, changed, changed);
                // The failed apply had restored nginx.conf, the first file, when the kill came.
                case MID_RESTORE -> new Expected(ChangeState.RESTORING, original, changed);
            };
        }
    }

    private static Process startChild(DatabaseSettings settings, long changeId, FaultPoint point, Path marker,
            Path wrapper, Path main, String pidFile) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), CrashChild.class.getName(), Long.toString(changeId),
                point.name(), marker.toString(), wrapper.toString(), main.toString(), pidFile));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(marker.resolveSibling("child.out").toFile());
        builder.environment().put("MEDIC_PROBE_URL", settings.url());
        builder.environment().put("MEDIC_PROBE_USER", settings.user());
        builder.environment().put("MEDIC_PROBE_PASSWORD", settings.password());
        return builder.start();
    }

    private static void awaitMarker(Process child, Path marker, FaultPoint point) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!Files.exists(marker) || Files.readString(marker).isEmpty()) {
            if (!child.isAlive() || System.nanoTime() > deadline) {
                fail("the child never reached " + point + ":\n" + Files.readString(marker.resolveSibling("child.out")));
            }
            Thread.sleep(50);
        }
        assertEquals(point.name(), Files.readString(marker), "the child stopped where it was told");
    }
}
