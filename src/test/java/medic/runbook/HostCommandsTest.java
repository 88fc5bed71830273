package medic.runbook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import medic.inventory.HostEntry;
import medic.nginx.log.ErrorLogParser;
import medic.nginx.log.FailureClass;
import medic.nginx.model.NginxVersion;
import medic.testing.Programs;
import medic.testing.RequiresProgram;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The fixed commands of the built-in steps, run through the real /bin/sh on files laid out like a host. */
class HostCommandsTest {
    private static final DateTimeFormatter NGINX_TIME = DateTimeFormatter.ofPattern("yyyy/MM/dd HH:mm:ss");
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private static String at(Duration ago, String rest) {
        return LocalDateTime.now().minus(ago).format(NGINX_TIME) + " " + rest + "\n";
    }

    private static HostEntry hostWithLogs(Path... logs) {
        return Hosts.local("here", "", "/usr/sbin/nginx", "/etc/nginx/nginx.conf",
                Stream.of(logs).map(Path::toString).toList());
    }

    private static Path recentLog(Path dir, String name) throws IOException {
        Path log = dir.resolve(name);
        Files.writeString(log, at(Duration.ofHours(2), "[error] 7#7: *1 recv() failed (104: Connection reset by peer) while"
                        + " reading response header from upstream, client: 192.0.2.1, server: old")
                + at(Duration.ofMinutes(10), "[notice] 7#7: signal process started")
                + at(Duration.ofMinutes(5), "[error] 7#7: *7 recv() failed (104: Connection reset by peer) while reading"
                        + " response header from upstream, client: 192.0.2.2, server: new")
                + at(Duration.ofMinutes(1), "[error] 7#7: *9 upstream timed out (110: Connection timed out) while reading"
                        + " upstream, client: 192.0.2.3, server: new"), StandardCharsets.UTF_8);
        return log;
    }

    private static List<String> serversOf(String output) {
        return output.lines().map(line -> line.substring(line.lastIndexOf(' ') + 1)).toList();
    }

    @Test
    void since_keeps_the_lines_of_the_time_window(@TempDir Path dir) throws IOException {
        HostEntry host = hostWithLogs(recentLog(dir, "error.log"));
        Sh.Result all = Sh.run(HostCommands.errorLog(new LogWindow.Since(Duration.ofMinutes(15)), LogFilter.NONE, host), dir);
        assertEquals(0, all.exit(), all.err());
        assertEquals(List.of("started", "new", "new"), serversOf(all.out()));
        Sh.Result failures = Sh.run(HostCommands.errorLog(new LogWindow.Since(Duration.ofMinutes(15)),
                LogFilter.UPSTREAM_FAILURES, host), dir);
        assertEquals(2, failures.out().lines().count(), failures.out());
        assertTrue(failures.out().contains("*7 recv() failed (104: Connection reset by peer)"));
        assertTrue(failures.out().contains("*9 upstream timed out"));
    }

    @Test
    void lines_keeps_the_last_lines_before_filtering(@TempDir Path dir) throws IOException {
        HostEntry host = hostWithLogs(recentLog(dir, "error.log"));
        Sh.Result last = Sh.run(HostCommands.errorLog(new LogWindow.LastLines(3), LogFilter.UPSTREAM_FAILURES, host), dir);
        assertEquals(0, last.exit(), last.err());
        assertEquals(List.of("new", "new"), serversOf(last.out()), "the notice is counted, then filtered out");
    }

    @Test
    void every_log_of_the_host_is_read_in_order(@TempDir Path dir) throws IOException {
        Path first = recentLog(dir, "a.log");
        Path second = dir.resolve("b.log");
        Files.writeString(second, at(Duration.ofMinutes(2), "[error] 8#8: *3 no live upstreams while connecting to upstream,"
                + " client: 192.0.2.9, server: second"));
        Sh.Result both = Sh.run(HostCommands.errorLog(new LogWindow.Since(Duration.ofMinutes(15)),
                LogFilter.UPSTREAM_FAILURES, hostWithLogs(first, second)), dir);
        assertEquals(List.of("new", "new", "second"), serversOf(both.out()));
    }

    @Test
    void a_quiet_window_is_success_and_an_unreadable_log_is_not(@TempDir Path dir) throws IOException {
        Path quiet = dir.resolve("quiet.log");
        Files.writeString(quiet, at(Duration.ofHours(3), "[error] 7#7: *1 upstream timed out, server: old"));
        Sh.Result none = Sh.run(HostCommands.errorLog(new LogWindow.Since(Duration.ofMinutes(15)),
                LogFilter.UPSTREAM_FAILURES, hostWithLogs(quiet)), dir);
        assertEquals(0, none.exit(), none.err());
        assertEquals("", none.out());
        Sh.Result missing = Sh.run(HostCommands.errorLog(new LogWindow.LastLines(10), LogFilter.NONE,
                hostWithLogs(quiet, dir.resolve("missing.log"))), dir);
        assertEquals(2, missing.exit());
        assertEquals("medic: cannot read " + dir.resolve("missing.log") + "\n", missing.err());
        assertEquals(Files.readString(quiet), missing.out(), "readable logs still come through");
    }

    @Test
    void the_upstream_filter_keeps_every_line_the_diagnosis_classifies(@TempDir Path dir) throws IOException {
        List<Path> captured;
        try (Stream<Path> files = Files.list(Path.of("src/test/resources/logs/captured"))) {
            captured = files.filter(f -> f.toString().endsWith(".error.log")).sorted().toList();
        }
        assertFalse(captured.isEmpty());
        int classified = 0;
        int dropped = 0;
        for (Path log : captured) {
            String kept = Sh.run(HostCommands.errorLog(new LogWindow.LastLines(1_000_000), LogFilter.UPSTREAM_FAILURES,
                    hostWithLogs(log.toAbsolutePath())), dir).out();
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            for (int i = 0; i < lines.size(); i++) {
                FailureClass failure = ErrorLogParser.parse(lines.get(i), i + 1).failureClass();
                if (failure != FailureClass.OTHER) {
                    classified++;
                    assertTrue(kept.contains(lines.get(i) + "\n"), log + ":" + (i + 1) + " (" + failure + ") was filtered out");
                } else if (!kept.contains(lines.get(i))) {
                    dropped++;
                }
            }
        }
        assertTrue(classified > 20, "the captured logs hold upstream failures: " + classified);
        assertTrue(dropped > 0, "lifecycle notices and other lines are dropped");
    }

    @Test
    void hostile_log_paths_never_execute(@TempDir Path dir) throws IOException {
        Path canary = dir.resolve("canary");
        List<Path> logs = new ArrayList<>();
        for (String name : List.of("a'$(touch canary)'.log", "b`touch canary`.log", "c; touch canary.log",
                "d\ntouch canary.log", "e\"; touch canary; \".log", "f' > canary '.log")) {
            Path log = dir.resolve(name);
            Files.writeString(log, at(Duration.ofMinutes(1), "[error] 1#1: *1 upstream timed out, server: " + logs.size()));
            logs.add(log);
        }
        HostEntry host = hostWithLogs(logs.toArray(Path[]::new));
        for (LogWindow window : List.of(new LogWindow.Since(Duration.ofMinutes(5)), new LogWindow.LastLines(5))) {
            Sh.Result result = Sh.run(HostCommands.errorLog(window, LogFilter.UPSTREAM_FAILURES, host), dir);
            assertEquals(0, result.exit(), result.err());
            assertEquals(List.of("0", "1", "2", "3", "4", "5"), serversOf(result.out()), "every hostile-named log is read");
            assertFalse(Files.exists(canary), "a log path ran as shell code");
        }
    }

    @Test
    void privileged_steps_run_the_whole_command_under_the_sudo_prefix_and_log_reads_do_not(@TempDir Path dir) throws IOException {
        Path calls = dir.resolve("calls");
        Path fakeSudo = executable(dir.resolve("fake-sudo"), "#!/bin/sh\n[ \"$1\" = -n ] && shift\n"
                + "printf '%s' \"$*\" | tr '\\n' ' ' >> " + calls + "\necho >> " + calls + "\nexec \"$@\"\n");
        Path fakeNginx = executable(dir.resolve("nginx'; touch canary; '"), "#!/bin/sh\nprintf 'nginx %s\\n' \"$*\"\n");
        Path log = recentLog(dir, "error.log");
        HostEntry host = Hosts.local("here", fakeSudo + " -n", fakeNginx.toString(), "/etc/nginx/$(touch canary).conf",
                List.of(log.toString()));

        assertEquals("nginx -T -c /etc/nginx/$(touch canary).conf\n", Sh.run(HostCommands.nginxDump(host), dir).out());
        assertEquals("nginx -t -c /etc/nginx/$(touch canary).conf\n", Sh.run(HostCommands.nginxTest(host), dir).out());
        assertEquals("nginx -v\n", Sh.run(HostCommands.nginxVersion(host), dir).out());
        Sh.Result excerpt = Sh.run(HostCommands.errorLog(new LogWindow.LastLines(2), LogFilter.UPSTREAM_FAILURES, host), dir);
        assertEquals(2, excerpt.out().lines().count(), excerpt.err());
        CommandStep step = new CommandStep("count", "", CommandTemplate.parse("wc -l < {{host.nginx.error_log}}; echo done"),
                true, false, TIMEOUT, OnFailure.STOP);
        assertEquals("4\ndone\n", Sh.run(HostCommands.command(step, host), dir).out(), "both commands ran under sudo");
        assertEquals("-s reload\n", Sh.run(HostCommands.reload(host), dir).out().replace("nginx ", ""));

        List<String> sudoCalls = Files.readAllLines(calls);
        // The excerpt reads the logs as the SSH user (adm group): a sudo'd shell would need root-shell sudoers.
        assertEquals(4, sudoCalls.size(), "dump, test, command step and reload use sudo; nginx -v and the excerpt"
                + " do not: " + sudoCalls);
        assertTrue(sudoCalls.get(2).startsWith("/bin/sh -c wc -l < "), sudoCalls.get(2));
        assertFalse(Files.exists(dir.resolve("canary")));
    }

    @Test
    void steps_medic_performs_itself_have_no_host_command() {
        HostEntry host = hostWithLogs(Path.of("/var/log/nginx/error.log"));
        for (StepKind kind : List.of(StepKind.DIAGNOSE, StepKind.PROPOSE, StepKind.APPROVAL_GATE)) {
            assertTrue(HostCommands.forStep(new BuiltinStep(kind.yamlName(), kind, "", TIMEOUT, OnFailure.STOP), host).isEmpty());
        }
        assertEquals("'/usr/sbin/nginx' -v", HostCommands.forStep(
                new BuiltinStep("v", StepKind.NGINX_VERSION, "", TIMEOUT, OnFailure.STOP), host).orElseThrow());
    }

    @Test
    @RequiresProgram("nginx")
    void the_version_step_reads_the_installed_nginx() {
        String binary = Programs.locate("nginx").orElseThrow().toString();
        HostEntry host = Hosts.local("here", "", binary, "/etc/nginx/nginx.conf", List.of("/var/log/nginx/error.log"));
        Sh.Result version = Sh.run(HostCommands.nginxVersion(host), Path.of(System.getProperty("java.io.tmpdir")));
        assertEquals(0, version.exit(), version.err());
        NginxVersion parsed = NginxVersion.parse(version.err());
        assertTrue(parsed.atLeast(new NginxVersion(1, 0, 0)), version.err());
    }

    private static Path executable(Path file, String script) throws IOException {
        Files.writeString(file, script);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwx------"));
        return file;
    }
}
