package medic.apply;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import medic.apply.probe.Probe;
import medic.apply.probe.WebSocketIdleProbe;
import medic.inventory.HostEntry;
import medic.inventory.KeySource;
import medic.inventory.NginxSettings;
import medic.inventory.Transport;
import medic.remote.ShellQuote;
import medic.remote.ssh.SshOptions;
import medic.remote.ssh.SshPool;
import medic.runbook.run.HostConnections;
import medic.store.Database;
import medic.testing.NginxHarness;
import medic.testing.Ports;
import medic.testing.RunningNginx;
import medic.testing.SshTestServer;
import medic.testing.TestDatabase;
import medic.testing.TestResources;

/**
 * Everything a real apply needs: a WebSocket echo upstream, Debian's nginx in a temp prefix in front of it, the
 * in-process SSH server as the way in, an H2 database, and medic.apply wired on top.
 */
final class ApplyRig implements AutoCloseable {

    static final Duration OLD_READ_TIMEOUT = Duration.ofSeconds(2);

    final int port = Ports.freePort();
    final EchoUpstream upstream;
    final RunningNginx nginx;
    final SshTestServer ssh;
    final SshPool pool = new SshPool(SshOptions.defaults());
    final Database database;
    final AuditLog audit;
    final Proposals proposals;
    final Approvals approvals;
    final HostEntry entry;
    final Path site;
    final Path wrapper;

    ApplyRig(Path dir, TestDatabase testDatabase) throws Exception {
        int upstreamPort = Ports.freePort();
        upstream = EchoUpstream.start(upstreamPort);
        nginx = NginxHarness.installed().start(TestResources.path("apply/site"), "nginx.conf",
                Map.of("@PORT@", Integer.toString(port), "@UPSTREAM_PORT@", Integer.toString(upstreamPort)), port);
        site = nginx.configDir().resolve("conf.d/site.conf");
        wrapper = writeWrapper(dir, nginx);
        ssh = SshTestServer.start(dir);
        Path knownHosts = dir.resolve("known_hosts");
        Files.writeString(knownHosts, ssh.knownHostsLine() + "\n");
        String main = nginx.mainConfig().toString();
        entry = new HostEntry("edge-1", Transport.SSH, ssh.host(), ssh.port(), System.getProperty("user.name"),
                new KeySource.File(TestResources.path("ssh/user_ed25519"), null), knownHosts, null, "",
                new NginxSettings(wrapper.toString(), main, List.of(nginx.errorLog().toString()),
                        ShellQuote.single(wrapper.toString()) + " -s reload -c " + ShellQuote.single(main)),
                List.of());
        database = Database.open(testDatabase.settings());
        audit = new AuditLog(database);
        proposals = new Proposals(database, audit, ApprovalRules.defaults());
        approvals = new Approvals(database, audit, ApproverPolicy.allowList(Set.of("U_ALICE")), ApprovalRules.defaults());
    }

    /** nginx with the harness's prefix flags, so {@code -t} and {@code -s reload} see the running instance. */
    static Path writeWrapper(Path dir, RunningNginx nginx) throws IOException {
        Path wrapper = dir.resolve("nginx-in-prefix");
        Files.writeString(wrapper, "#!/bin/sh\nexec " + NginxHarness.installed().binary() + " -p "
                + ShellQuote.single(nginx.prefix() + "/") + " -e logs/error.log -g 'daemon off; pid logs/nginx.pid;' \"$@\"\n");
        Files.setPosixFilePermissions(wrapper, PosixFilePermissions.fromString("rwxr-xr-x"));
        return wrapper;
    }

    Applier applier(CircuitBreaker breaker, FaultInjection faults) {
        HostConnections connections = new HostConnections(pool);
        return new Applier(database, audit, proposals, breaker, name -> new ApplyHost(entry, connections.open(entry),
                Optional.of(nginx.prefix().resolve("logs/nginx.pid").toString())), faults, Clock.systemUTC(), "test");
    }

    Applier applier() {
        return applier(new CircuitBreaker(database, 100, 1000), FaultInjection.NONE);
    }

    Probe webSocketProbe() {
        return new WebSocketIdleProbe("127.0.0.1", port, "/ws", "edge-1", OLD_READ_TIMEOUT, Duration.ofSeconds(1));
    }

    /** Seals a change of site.conf's current text, replacing {@code from} with {@code to}, and approves it. */
    long approvedChange(String from, String to) throws IOException {
        String before = Files.readString(site);
        String after = before.replace(from, to);
        SealedProposal sealed = proposals.seal("edge-1", TestProposals.of(TestProposals.change(site.toString(),
                "conf.d/site.conf", before, after)), "U_BOB", java.time.Instant.now());
        ApprovalOutcome outcome = approvals.approve(sealed.id(), "U_ALICE", sealed.diffSha256(), java.time.Instant.now());
        return ((ApprovalOutcome.Approved) outcome).changeId();
    }

    @Override
    public void close() throws Exception {
        try (upstream; nginx; ssh; pool; database) {
            // Closed in reverse order.
        }
    }
}
