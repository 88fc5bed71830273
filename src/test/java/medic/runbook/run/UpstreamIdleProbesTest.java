package medic.runbook.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import medic.nginx.Diagnosis;
import medic.nginx.Diagnostician;
import medic.nginx.config.ConfigTree;
import medic.nginx.config.DumpConfigSource;
import medic.nginx.diagnosis.BackendFacts;
import medic.nginx.diagnosis.Finding;
import medic.nginx.model.NginxConfig;
import medic.nginx.model.NginxVersion;
import medic.remote.IdleMeasurement;
import medic.remote.LocalHost;
import medic.remote.RemoteHost;
import medic.remote.ssh.SshOptions;
import medic.remote.ssh.SshPool;
import medic.remote.ssh.SshTarget;
import medic.remote.ssh.UserKey;
import medic.testing.KeepAliveBackend;
import medic.testing.KeepAliveBackend.Style;
import medic.testing.SshTestServer;
import medic.testing.TestResources;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Probing every upstream server of a config from the nginx host, and rule KA02 reading what was measured. */
class UpstreamIdleProbesTest {
    private static final NginxVersion VERSION = new NginxVersion(1, 22, 1);
    private static final UpstreamIdleProbes PROBES = new UpstreamIdleProbes(
            new UpstreamIdleProbes.Settings(Duration.ofSeconds(20), Duration.ofSeconds(30), 4));

    @TempDir
    Path dir;

    /** Two pooled upstreams at nginx's default keepalive_timeout (60s), plus servers that cannot be probed. */
    private static ConfigTree config(KeepAliveBackend api, KeepAliveBackend ws) {
        return DumpConfigSource.load("# configuration file /etc/nginx/nginx.conf:\n"
                + "events {}\nhttp {\n"
                + "    upstream api {\n        server " + api.address() + ";\n        server 127.0.0.1:1 down;\n"
                + "        server unix:/run/app.sock;\n        keepalive 16;\n    }\n"
                + "    upstream ws {\n        server " + ws.address() + " max_fails=3;\n        keepalive 8;\n"
                + "        keepalive_timeout 75s;\n    }\n"
                + "    server {\n        listen 80;\n"
                + "        location / {\n            proxy_pass http://api;\n            proxy_http_version 1.1;\n"
                + "            proxy_set_header Connection \"\";\n        }\n"
                + "        location /ws/ {\n            proxy_pass http://ws;\n            proxy_http_version 1.1;\n"
                + "            proxy_set_header Connection \"\";\n        }\n"
                + "    }\n}\n", "nginx -T output");
    }

    private static void assertMeasuredAndDiagnosed(RemoteHost from, KeepAliveBackend api, KeepAliveBackend ws) {
        ConfigTree tree = config(api, ws);
        BackendFacts declared = new BackendFacts(Map.of("other", Duration.ofSeconds(9)), Map.of("other", "declared"), 40);
        UpstreamIdleProbes.Report report = PROBES.measure(NginxConfig.of(tree, VERSION), from, declared);

        assertEquals(List.of(api.address(), ws.address()), report.measurements().stream()
                .map(IdleMeasurement::endpoint).toList(), "down and unix servers are not probed");
        Map<String, Duration> idle = report.facts().backendIdleTimeouts();
        assertEquals(java.util.Set.of(api.address(), ws.address(), "other"), idle.keySet(), report.summary());
        assertAbout(Duration.ofMillis(1500), idle.get(api.address()), report.summary());
        assertAbout(Duration.ofSeconds(1), idle.get(ws.address()), report.summary());
        assertEquals(Duration.ofSeconds(9), idle.get("other"), "declared facts stay");
        assertEquals(40, report.facts().expectedTunnels());
        assertTrue(report.facts().sources().get(api.address()).startsWith("measured from " + from.name() + ": "),
                report.facts().sources().toString());

        Diagnosis diagnosis = Diagnostician.diagnose(tree, null, VERSION, report.facts());
        List<Finding> ka02 = diagnosis.findings().stream().filter(f -> f.rule().equals("KA02")).toList();
        assertEquals(2, ka02.size(), diagnosis.findings().toString());
        assertTrue(ka02.get(0).evidence().toString().contains("ms (" + api.address() + ", measured from"),
                ka02.get(0).evidence().toString());
        assertTrue(diagnosis.proposal().unifiedDiff().contains("keepalive_timeout"), diagnosis.proposal().unifiedDiff());
    }

    /** Measured to 100 ms; a loaded machine wakes the probe's thread late, never early. */
    static void assertAbout(Duration expected, Duration measured, String context) {
        assertTrue(measured != null && measured.compareTo(expected.minusMillis(100)) >= 0
                && measured.compareTo(expected.plusMillis(500)) <= 0, "expected about " + expected + ", measured "
                + measured + ": " + context);
    }

    @Test
    void measures_every_upstream_server_from_a_local_host_and_ka02_uses_the_values() throws Exception {
        try (KeepAliveBackend api = KeepAliveBackend.start(Duration.ofMillis(1500), Style.CONTENT_LENGTH);
             KeepAliveBackend ws = KeepAliveBackend.start(Duration.ofSeconds(1), Style.CHUNKED);
             RemoteHost local = new LocalHost("edge-local")) {
            long started = System.nanoTime();
            assertMeasuredAndDiagnosed(local, api, ws);
            Duration took = Duration.ofNanos(System.nanoTime() - started);
            assertTrue(took.compareTo(Duration.ofMillis(2400)) < 0, "1.5 s and 1 s probed side by side took " + took);
        }
    }

    @Test
    void measures_every_upstream_server_through_the_ssh_connection_and_ka02_uses_the_values() throws Exception {
        try (KeepAliveBackend api = KeepAliveBackend.start(Duration.ofMillis(1500), Style.CONTENT_LENGTH);
             KeepAliveBackend ws = KeepAliveBackend.start(Duration.ofSeconds(1), Style.CHUNKED);
             SshTestServer server = SshTestServer.start(dir);
             SshPool pool = new SshPool(SshOptions.defaults())) {
            Path knownHosts = Files.writeString(dir.resolve("known_hosts"), server.knownHostsLine() + "\n");
            RemoteHost edge = pool.host(new SshTarget("edge-1", server.host(), server.port(),
                    System.getProperty("user.name"), UserKey.file(TestResources.path("ssh/user_ed25519")), knownHosts,
                    null, ""));
            assertMeasuredAndDiagnosed(edge, api, ws);
            assertEquals(1, server.sessionsCreated(), "the probes share the host's one SSH connection");
        }
    }

    @Test
    void probes_in_parallel_and_stops_at_the_total_cap() throws Exception {
        try (KeepAliveBackend slowA = KeepAliveBackend.start(Duration.ofSeconds(60), Style.CONTENT_LENGTH);
             KeepAliveBackend slowB = KeepAliveBackend.start(Duration.ofSeconds(60), Style.CONTENT_LENGTH);
             RemoteHost local = new LocalHost("edge-local")) {
            UpstreamIdleProbes capped = new UpstreamIdleProbes(
                    new UpstreamIdleProbes.Settings(Duration.ofSeconds(1), Duration.ofMillis(1500), 1));
            long started = System.nanoTime();
            UpstreamIdleProbes.Report report = capped.measure(NginxConfig.of(config(slowA, slowB), VERSION), local,
                    BackendFacts.NONE);
            Duration took = Duration.ofNanos(System.nanoTime() - started);

            assertTrue(took.compareTo(Duration.ofSeconds(4)) < 0, "took " + took);
            assertEquals(IdleMeasurement.Outcome.STILL_OPEN, report.measurements().get(0).outcome());
            assertEquals(IdleMeasurement.Outcome.STILL_OPEN, report.measurements().get(1).outcome(),
                    "the second probe gets what is left of the total: " + report.measurements().get(1));
            assertTrue(report.measurements().get(1).idle().compareTo(Duration.ofMillis(800)) < 0,
                    report.measurements().get(1).toString());
            assertEquals(Map.of(), report.facts().backendIdleTimeouts(), "an idle connection still open is no fact");
        }
    }
}
