package medic.apply;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import medic.apply.StepReport.Status;
import medic.testing.RequiresProgram;
import medic.testing.TestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Recovery of a change the journal shows APPROVED although its apply ran (H2 lost BACKED_UP and later commits), over
 * SSH to a real nginx: a changed file comes back only from a host copy of that change whose sha256 is the sealed
 * original's; without one nothing is touched and a person is asked, naming the file.
 */
@RequiresProgram("nginx")
class LostJournalRecoveryTest {

    private static final String OLD = "proxy_read_timeout 2s;";
    private static final String NEW = "proxy_read_timeout 3600s;";

    @TempDir
    Path dir;

    private ApplyRig rig;
    private String before;
    private final List<StepReport> heard = new CopyOnWriteArrayList<>();

    @BeforeEach
    void start() throws Exception {
        rig = new ApplyRig(dir, TestDatabase.h2In(dir));
        before = Files.readString(rig.site);
    }

    @AfterEach
    void stop() throws Exception {
        rig.close();
    }

    @Test
    void restores_a_file_holding_the_new_content_from_its_proven_host_backup_and_reloads() throws Exception {
        long changeId = rig.approvedChange(OLD, NEW);
        Path copy = hostCopy(rig.site, "20261124T100000Z", changeId, before);
        Files.writeString(rig.site, before.replace(OLD, NEW));
        assertTrue(rig.nginx.reload().passed());
        assertTrue(rig.webSocketProbe().run().passed(), "the lost apply's new timeout runs");

        ApplyResult result = rig.applier().recover(changeId, heard::add);

        assertEquals(ChangeState.RECOVERED, result.state(), result.toString());
        assertEquals(before, Files.readString(rig.site));
        assertTrue(rig.nginx.test().passed(), rig.nginx.test().stderr());
        assertTrue(passed(ApplyStep.RELOAD_RESTORED), heard.toString());
        assertFalse(rig.webSocketProbe().run().passed(), "the reload brought the old 2 s timeout back");
        List<String> events = events(changeId);
        assertTrue(events.contains("RECOVERY_FOUND found"), events.toString());
        assertTrue(events.contains("HOST_BACKUP_PROVEN " + rig.site + ": " + copy + " has the sealed sha256 "
                + Sha256.of(before).substring(0, 12) + "; the file is restored from it"), events.toString());
        assertTrue(events.contains("RESTORE_FILE " + new FileRestore(rig.site.toString(), FileRestore.Found.NEW, "")
                .describe()), events.toString());
        assertTrue(rig.audit.forChange(changeId).stream().anyMatch(e -> e.event().equals("DONE_PASSED")
                && e.detail().startsWith("RECOVERED: ") && e.detail().contains("restored from host backups proven by"
                + " sha256")), events.toString());
        ChangeJournal journal = new ChangeJournal(rig.database);
        assertEquals(List.of(copy.toString()), journal.backups(changeId).stream().map(Backup::hostCopy).toList());
        assertFalse(journal.lockHolder("edge-1").isPresent(), "the host lock is free");
        assertEquals("nothing to recover", rig.applier().recover(changeId, heard::add).message());
    }

    @Test
    void never_uses_a_host_backup_whose_hash_does_not_match_and_names_the_file_for_a_person() throws Exception {
        long changeId = rig.approvedChange(OLD, NEW);
        Path forged = hostCopy(rig.site, "20261124T100000Z", changeId, before.replace(OLD, "proxy_read_timeout 5s;"));
        String after = before.replace(OLD, NEW);
        Files.writeString(rig.site, after);

        ApplyResult result = rig.applier().recover(changeId, heard::add);

        assertEquals(ChangeState.APPROVED, result.state(), result.toString());
        assertEquals(after, Files.readString(rig.site), "nothing was restored");
        assertTrue(result.message().contains("no host backup proves the original of " + rig.site + " (1 host copy"
                + " found, none with the sealed sha256 " + Sha256.of(before).substring(0, 12)), result.message());
        assertTrue(result.message().contains("a person must look at edge-1"), result.message());
        List<String> events = events(changeId);
        assertTrue(events.stream().anyMatch(e -> e.startsWith("HOST_BACKUP_REJECTED " + rig.site + ": " + forged
                + " has sha256 ")), events.toString());
        assertTrue(events.stream().noneMatch(e -> e.startsWith("RESTORE_FILE") || e.startsWith("RELOAD_RESTORED")),
                events.toString());
        assertEquals(ChangeState.APPROVED, rig.applier().change(changeId).orElseThrow().state());
    }

    @Test
    void ignores_backups_of_other_changes_and_names_that_only_look_alike() throws Exception {
        long changeId = rig.approvedChange(OLD, NEW);
        hostCopy(rig.site, "20261124T100000Z", changeId + 1, before);
        hostCopy(rig.site, "20261124T100000Z", changeId * 10, before);
        Files.writeString(Path.of(NginxCommands.backupCopy(rig.site.toString(), "latest-c" + changeId)), before);
        String after = before.replace(OLD, NEW);
        Files.writeString(rig.site, after);

        ApplyResult result = rig.applier().recover(changeId, heard::add);

        assertEquals(ChangeState.APPROVED, result.state(), result.toString());
        assertEquals(after, Files.readString(rig.site));
        assertTrue(result.message().contains("no host backup proves the original of " + rig.site + " (no host copy"
                + " matches " + rig.site.getParent() + "/.site.conf.medic-*-c" + changeId + ".bak)"), result.message());
        assertTrue(events(changeId).stream().noneMatch(e -> e.startsWith("HOST_BACKUP_REJECTED")));
    }

    @Test
    void restores_a_half_written_file_from_the_one_of_several_backups_whose_hash_proves_it() throws Exception {
        long changeId = rig.approvedChange(OLD, NEW);
        Path proven = hostCopy(rig.site, "20261124T100000Z", changeId, before);
        Path halfCopied = hostCopy(rig.site, "20261124T100500Z", changeId, before.substring(0, before.length() / 2));
        String halfWritten = before.replace(OLD, NEW).substring(0, before.length() / 3);
        Files.writeString(rig.site, halfWritten);

        ApplyResult result = rig.applier().recover(changeId, heard::add);

        assertEquals(ChangeState.RECOVERED, result.state(), result.toString());
        assertEquals(before, Files.readString(rig.site));
        assertTrue(rig.nginx.test().passed(), rig.nginx.test().stderr());
        assertTrue(passed(ApplyStep.RELOAD_RESTORED), heard.toString());
        List<String> events = events(changeId);
        assertTrue(events.stream().anyMatch(e -> e.startsWith("HOST_BACKUP_REJECTED " + rig.site + ": " + halfCopied
                + " has sha256 ")), events.toString());
        assertTrue(events.stream().anyMatch(e -> e.startsWith("HOST_BACKUP_PROVEN " + rig.site + ": " + proven)),
                events.toString());
        assertTrue(events.contains("RESTORE_FILE " + new FileRestore(rig.site.toString(), FileRestore.Found.OTHER,
                Sha256.of(halfWritten)).describe()), events.toString());
    }

    @Test
    void leaves_a_file_that_still_holds_its_original_and_restores_its_sibling() throws Exception {
        Path main = rig.nginx.mainConfig();
        String mainBefore = Files.readString(main);
        SealedProposal sealed = rig.proposals.seal("edge-1", TestProposals.of(
                TestProposals.change(main.toString(), "nginx.conf", mainBefore,
                        mainBefore.replace("worker_connections 64;", "worker_connections 128;")),
                TestProposals.change(rig.site.toString(), "conf.d/site.conf", before, before.replace(OLD, NEW))),
                "U_BOB", Instant.now());
        long changeId = ((ApprovalOutcome.Approved) rig.approvals.approve(sealed.id(), "U_ALICE", sealed.diffSha256(),
                Instant.now())).changeId();
        hostCopy(rig.site, "20261124T100000Z", changeId, before);
        Files.writeString(rig.site, before.replace(OLD, NEW));
        FileTime anHourAgo = FileTime.from(Instant.now().minus(Duration.ofHours(1)));
        Files.setLastModifiedTime(main, anHourAgo);

        ApplyResult result = rig.applier().recover(changeId, heard::add);

        assertEquals(ChangeState.RECOVERED, result.state(), result.toString());
        assertEquals(before, Files.readString(rig.site));
        assertEquals(mainBefore, Files.readString(main));
        assertEquals(anHourAgo, Files.getLastModifiedTime(main), "the file holding its original was not rewritten");
        assertEquals(List.of(new FileRestore(main.toString(), FileRestore.Found.ORIGINAL, "").describe(),
                new FileRestore(rig.site.toString(), FileRestore.Found.NEW, "").describe()),
                rig.audit.forChange(changeId).stream().filter(e -> e.event().equals("RESTORE_FILE"))
                        .map(AuditEvent::detail).toList());
    }

    @Test
    void a_failed_reload_of_the_restored_config_ends_recovered_but_asks_a_person() throws Exception {
        long changeId = rig.approvedChange(OLD, NEW);
        hostCopy(rig.site, "20261124T100000Z", changeId, before);
        Files.writeString(rig.site, before.replace(OLD, NEW));
        rig.nginx.stop();

        ApplyResult result = rig.applier().recover(changeId, heard::add);

        assertEquals(ChangeState.RECOVERED, result.state(), result.toString());
        assertEquals(before, Files.readString(rig.site));
        assertTrue(heard.stream().anyMatch(r -> r.step() == ApplyStep.RELOAD_RESTORED && r.status() == Status.FAILED),
                heard.toString());
        assertTrue(heard.stream().anyMatch(r -> r.step() == ApplyStep.DONE && r.status() == Status.FAILED),
                heard.toString());
        assertTrue(result.message().contains("reloading the restored config failed: nginx may still run the change;"
                + " a person must look at edge-1 now"), result.message());
    }

    /** A copy as an apply's backup step names it, holding {@code content}. */
    private static Path hostCopy(Path file, String time, long changeId, String content) throws Exception {
        return Files.writeString(Path.of(NginxCommands.backupCopy(file.toString(), time + "-c" + changeId)), content);
    }

    private boolean passed(ApplyStep step) {
        return heard.stream().anyMatch(r -> r.step() == step && r.status() == Status.PASSED);
    }

    /** The change's audit as "EVENT detail" lines (RECOVERY_FOUND shortened to its first word). */
    private List<String> events(long changeId) {
        return rig.audit.forChange(changeId).stream().map(e -> e.event().equals("RECOVERY_FOUND")
                ? "RECOVERY_FOUND " + e.detail().split(" ")[0] : e.event() + " " + e.detail()).toList();
    }
}
