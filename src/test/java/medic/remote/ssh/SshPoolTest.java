package medic.remote.ssh;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import medic.remote.CommandResult;
import medic.remote.RemoteException;
import medic.remote.RemoteException.Cause;
import medic.testing.SshTestServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Connections are reused, closed when idle, re-opened when broken, and never carry more channels than allowed. */
class SshPoolTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(20);

    @TempDir
    Path directory;

    private SshTestServer server;
    private SshTarget target;

    @BeforeEach
    void startServer() {
        server = SshTestServer.start(directory);
        target = SshFixtures.target("web-1", server, SshFixtures.knownHosts(directory, server.knownHostsLine()),
                SshFixtures.ed25519Key());
    }

    @AfterEach
    void stopServer() {
        server.close();
    }

    @Test
    void runs_consecutive_commands_and_transfers_over_one_connection() {
        try (SshPool pool = new SshPool(SshOptions.defaults())) {
            SshHost host = pool.host(target);
            host.run("echo one", TIMEOUT);
            host.run("echo two", TIMEOUT);
            host.read(directory.resolve(target.knownHostsFile().getFileName()).toString(), 10_000);
            pool.host(target).run("echo three", TIMEOUT);

            assertEquals(1, server.sessionsCreated());
            assertEquals(1, pool.openConnections());
        }
    }

    @Test
    void closes_a_connection_left_idle_and_opens_a_new_one_when_needed() throws InterruptedException {
        try (SshPool pool = new SshPool(SshOptions.defaults().withIdleEviction(Duration.ofMillis(300)))) {
            SshHost host = pool.host(target);
            host.run("true", TIMEOUT);

            awaitNoActiveSessions();
            assertEquals(0, pool.openConnections());

            assertEquals("again\n", host.run("echo again", TIMEOUT).stdout());
            assertEquals(2, server.sessionsCreated());
        }
    }

    @Test
    void reconnects_after_the_server_dropped_the_connection() throws InterruptedException {
        try (SshPool pool = new SshPool(SshOptions.defaults())) {
            SshHost host = pool.host(target);
            host.run("true", TIMEOUT);

            server.dropConnections();
            awaitNoActiveSessions();

            assertEquals("back\n", host.run("echo back", TIMEOUT).stdout());
            assertEquals(2, server.sessionsCreated());
        }
    }

    @Test
    void runs_twelve_concurrent_commands_on_one_connection_within_eight_channels() throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(12);
        try (SshPool pool = new SshPool(SshOptions.defaults())) {
            SshHost host = pool.host(target);
            List<Future<CommandResult>> results = new ArrayList<>();
            for (int i = 0; i < 12; i++) {
                String command = "sleep 0.5; echo " + i;
                results.add(threads.submit(() -> host.run(command, TIMEOUT)));
            }
            for (int i = 0; i < 12; i++) {
                assertEquals(i + "\n", results.get(i).get(30, TimeUnit.SECONDS).stdout());
            }

            assertEquals(1, server.sessionsCreated());
            assertEquals(8, server.maxConcurrentSessionChannels(), "channels open at once");
        } finally {
            threads.shutdownNow();
        }
    }

    @Test
    void a_command_waiting_for_a_channel_gives_up_at_its_timeout() throws Exception {
        ExecutorService threads = Executors.newSingleThreadExecutor();
        try (SshPool pool = new SshPool(SshOptions.defaults().withChannelsPerConnection(1))) {
            SshHost host = pool.host(target);
            Future<CommandResult> busy = occupyTheChannel(threads, host, 2);

            RemoteException failure = assertThrows(RemoteException.class,
                    () -> host.run("echo late", Duration.ofMillis(300)));

            assertEquals(Cause.TIMEOUT, failure.reason());
            assertTrue(failure.getMessage().contains("free channel"), failure.getMessage());
            assertEquals(0, busy.get(10, TimeUnit.SECONDS).exitCode());
        } finally {
            threads.shutdownNow();
        }
    }

    @Test
    void waits_while_the_server_refuses_a_channel_and_retries_once_one_frees_up() throws Exception {
        ExecutorService threads = Executors.newSingleThreadExecutor();
        try (SshTestServer strict = SshTestServer.builder(directory).maxChannels(1).start();
             SshPool pool = new SshPool(SshOptions.defaults().withChannelsPerConnection(2))) {
            SshHost host = pool.host(strictTarget(strict));
            Future<CommandResult> busy = occupyTheChannel(threads, host, 1);

            CommandResult refusedAtFirst = host.run("echo second", TIMEOUT);

            assertEquals("second\n", refusedAtFirst.stdout());
            assertEquals(0, busy.get(10, TimeUnit.SECONDS).exitCode(), "the busy command must not be disturbed");
            assertEquals(1, strict.sessionsCreated(), "a refused channel must not cost the connection");
        } finally {
            threads.shutdownNow();
        }
    }

    @Test
    void a_channel_refused_until_the_deadline_is_a_timeout() throws Exception {
        ExecutorService threads = Executors.newSingleThreadExecutor();
        try (SshTestServer strict = SshTestServer.builder(directory).maxChannels(1).start();
             SshPool pool = new SshPool(SshOptions.defaults().withChannelsPerConnection(2))) {
            SshHost host = pool.host(strictTarget(strict));
            Future<CommandResult> busy = occupyTheChannel(threads, host, 2);

            RemoteException failure = assertThrows(RemoteException.class,
                    () -> host.run("echo late", Duration.ofMillis(300)));

            assertEquals(Cause.TIMEOUT, failure.reason());
            assertTrue(failure.getMessage().contains("refusing a new channel"), failure.getMessage());
            assertEquals(0, busy.get(10, TimeUnit.SECONDS).exitCode());
        } finally {
            threads.shutdownNow();
        }
    }

    private void awaitNoActiveSessions() throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (server.activeSessions() > 0 && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertEquals(0, server.activeSessions(), "the connection is still open");
    }

    private SshTarget strictTarget(SshTestServer strict) {
        return SshFixtures.target("strict-1", strict, SshFixtures.knownHosts(directory, strict.knownHostsLine()),
                SshFixtures.ed25519Key());
    }

    /**
     * Connects {@code host}, then holds a channel with a command sleeping {@code seconds} on {@code threads},
     * returned once the command runs on the server.
     */
    private Future<CommandResult> occupyTheChannel(ExecutorService threads, SshHost host, int seconds)
            throws InterruptedException {
        host.run("true", TIMEOUT);
        Future<CommandResult> busy = threads.submit(() -> host.run("touch " + directory.resolve("started")
                + "; sleep " + seconds, TIMEOUT));
        awaitStarted();
        return busy;
    }

    /** Waits until the command holding the only channel runs on the server. */
    private void awaitStarted() throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (!Files.exists(directory.resolve("started")) && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertTrue(Files.exists(directory.resolve("started")), "the first command never started");
    }
}
