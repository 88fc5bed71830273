package medic.apply;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import medic.remote.CommandResult;
import medic.remote.LocalHost;
import medic.remote.RemoteHost;
import medic.store.Database;
import medic.testing.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Recovery of an APPROVED change on a host whose commands fail: files are read, but no copy can be listed. */
class ApprovedRecoveryTest {

    @TempDir
    Path dir;

    @Test
    void copies_that_cannot_be_listed_prove_nothing_and_a_person_is_asked_naming_the_file() throws Exception {
        Path site = Files.writeString(dir.resolve("site.conf"), "proxy_read_timeout 2s;\n");
        Path main = Files.writeString(dir.resolve("nginx.conf"), "worker_connections 64;\n");
        try (Database database = Database.open(TestDatabase.h2In(dir).settings())) {
            AuditLog audit = new AuditLog(database);
            Proposals proposals = new Proposals(database, audit, ApprovalRules.defaults());
            SealedProposal sealed = proposals.seal("edge-1", TestProposals.of(
                    TestProposals.change(main.toString(), "nginx.conf", "worker_connections 64;\n",
                            "worker_connections 128;\n"),
                    TestProposals.change(site.toString(), "site.conf", "proxy_read_timeout 2s;\n",
                            "proxy_read_timeout 3600s;\n")), "U_BOB", Instant.now());
            long changeId = ((ApprovalOutcome.Approved) new Approvals(database, audit,
                    ApproverPolicy.allowList(Set.of("U_ALICE")), ApprovalRules.defaults())
                    .approve(sealed.id(), "U_ALICE", sealed.diffSha256(), Instant.now())).changeId();
            Files.writeString(Path.of(NginxCommands.backupCopy(site.toString(), "20261124T100000Z-c" + changeId)),
                    "proxy_read_timeout 2s;\n");
            Files.writeString(site, "proxy_read_timeout 3600s;\n");
            Applier applier = new Applier(database, audit, proposals, new CircuitBreaker(database, 100, 1000),
                    name -> new ApplyHost(CrashChild.localEntry("/usr/sbin/nginx", main.toString()),
                            new NoShell(), Optional.empty()), FaultInjection.NONE, Clock.systemUTC(), "test");

            ApplyResult result = applier.recover(changeId, StepListener.NONE);

            assertEquals(ChangeState.APPROVED, result.state(), result.toString());
            assertEquals("proxy_read_timeout 3600s;\n", Files.readString(site), "nothing was restored");
            assertTrue(result.message().contains("no host backup proves the original of " + site + " (its host"
                    + " copies could not be listed: edge-1: cannot list the host backups of " + site + ": no shell"
                    + " here"), result.message());
            assertFalse(result.message().contains(main.toString()), "nginx.conf still holds its original: "
                    + result.message());
            assertTrue(result.message().contains("a person must look at edge-1"), result.message());
            assertEquals(ChangeState.APPROVED, applier.change(changeId).orElseThrow().state());
        }
    }

    /** Reads and writes files like the local host, but every command fails. */
    private static final class NoShell implements RemoteHost {
        private final LocalHost files = new LocalHost("edge-1");

        @Override
        public String name() {
            return "edge-1";
        }

        @Override
        public CommandResult run(String command, Duration timeout) {
            return new CommandResult(command, 127, "", "no shell here", false, Duration.ZERO);
        }

        @Override
        public byte[] read(String path, long maxBytes) {
            return files.read(path, maxBytes);
        }

        @Override
        public void writeAtomically(String path, byte[] content) {
            files.writeAtomically(path, content);
        }

        @Override
        public void close() {
            files.close();
        }
    }
}
