package medic.replicas;


import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import medic.lifecycle.FlowRig;
import medic.store.DatabaseSettings;
import medic.testing.PostgresDatabase;

/**
 * Several {@code medic serve} replicas (child JVMs, clustered scheduler) on one fresh PostgreSQL schema, sharing one
 * nginx host over SSH and one WireMock Slack ({@link FlowRig}); with the database and Slack queries the tests assert.
 */
final class ReplicaRig implements AutoCloseable {
    final FlowRig flow;
    private final PostgresDatabase database = PostgresDatabase.freshSchema();
    private final List<Replica> replicas = new ArrayList<>();
    private final ExecutorService senders = Executors.newCachedThreadPool();
    private final Map<String, String> overrides = new java.util.HashMap<>();

    ReplicaRig(Path dir) throws Exception {
        flow = new FlowRig(dir);
    }

    /** What every replica reads: the flow's environment on the shared PostgreSQL schema, clustered. */
    Map<String, String> environment() {
        Map<String, String> env = flow.environment();
        DatabaseSettings settings = database.settings();
        env.put("MEDIC_DB_URL", settings.url());
        env.put("MEDIC_DB_USER", settings.user());
        env.put("MEDIC_DB_PASSWORD", settings.password());
        env.put("MEDIC_SCHEDULER_CLUSTERED", "true");
        env.put("MEDIC_SCHEDULER_THREADS", "2");
        env.put("MEDIC_DB_POOL_SIZE", "6");
        env.putAll(overrides);
        return env;
    }

    /** Sets {@code key} for every replica started from now on (e.g. another inventory, the watcher on). */
    void set(String key, String value) {
        overrides.put(key, value);
    }

    /**
     * Puts a wrapper before the inventory's nginx binary: once {@code flag} exists, each {@code nginx -t} appends a
     * line to {@code starts} and takes 8 s, so a test can catch a replica in the middle of an apply.
     */
    void slowNginxTestOnceFlagged(Path flag, Path starts) throws IOException {
        Path inventory = flow.dir.resolve("inventory.yaml");
        String yaml = Files.readString(inventory);
        Matcher binary = Pattern.compile("binary: (\\S+)").matcher(yaml);
        if (!binary.find()) {
            throw new AssertionError("no nginx binary in " + yaml);
        }
        Path slow = flow.dir.resolve("slow-nginx");
        Files.writeString(slow, "#!/bin/sh\ncase \" $* \" in *\" -t \"*) if [ -e '" + flag + "' ]; then echo started"
                + " >> '" + starts + "'; sleep 8; fi;; esac\nexec '" + binary.group(1) + "' \"$@\"\n");
        Files.setPosixFilePermissions(slow, PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.writeString(inventory, yaml.replace("binary: " + binary.group(1), "binary: " + slow));
    }

    /** Starts {@code count} replicas at the same time (they migrate the fresh schema concurrently). */
    List<Replica> start(int count) throws Exception {
        List<Callable<Replica>> starts = new ArrayList<>();
        int first = replicas.size();
        for (int i = 0; i < count; i++) {
            String name = "replica-" + (first + i + 1);
            starts.add(() -> Replica.start(name, environment(), flow.dir));
        }
        List<Replica> started = new ArrayList<>();
        for (Future<Replica> future : senders.invokeAll(starts)) {
            started.add(future.get());
        }
        replicas.addAll(started);
        return started;
    }

    /** Sends {@code request} to every replica at once (released together by one latch); the HTTP statuses. */
    List<Integer> atOnce(List<Replica> targets, RequestTo request) throws Exception {
        return responsesAtOnce(targets, request).stream().map(HttpResponse::statusCode).toList();
    }

    /** {@link #atOnce}, with the whole responses (the body a replica acknowledged with). */
    List<HttpResponse<String>> responsesAtOnce(List<Replica> targets, RequestTo request) throws Exception {
        CountDownLatch go = new CountDownLatch(1);
        List<Future<HttpResponse<String>>> sent = new ArrayList<>();
        for (Replica target : targets) {
            sent.add(senders.submit(() -> {
                go.await();
                return request.send(target.port());
            }));
        }
        go.countDown();
        List<HttpResponse<String>> responses = new ArrayList<>();
        for (Future<HttpResponse<String>> response : sent) {
            responses.add(response.get());
        }
        return responses;
    }

    @FunctionalInterface
    interface RequestTo {
        HttpResponse<String> send(int port) throws Exception;
    }

    long count(String sql) {
        return (long) query(sql);
    }

    String text(String sql) {
        return (String) query(sql);
    }

    private Object query(String sql) {
        DatabaseSettings settings = database.settings();
        try (Connection connection = DriverManager.getConnection(settings.url(), settings.user(), settings.password());
             Statement statement = connection.createStatement(); ResultSet row = statement.executeQuery(sql)) {
            if (!row.next()) {
                return null;
            }
            Object value = row.getObject(1);
            return value instanceof Number number ? (Object) number.longValue() : value;
        } catch (SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
    }

    /** Every row of {@code sql}, each as its columns' values. */
    List<List<Object>> rows(String sql) {
        DatabaseSettings settings = database.settings();
        try (Connection connection = DriverManager.getConnection(settings.url(), settings.user(), settings.password());
             Statement statement = connection.createStatement(); ResultSet row = statement.executeQuery(sql)) {
            List<List<Object>> rows = new ArrayList<>();
            int columns = row.getMetaData().getColumnCount();
            while (row.next()) {
                List<Object> values = new ArrayList<>();
                for (int i = 1; i <= columns; i++) {
                    values.add(row.getObject(i));
                }
                rows.add(values);
            }
            return rows;
        } catch (SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
    }

    /** Each outbox call's thread, kind, status and last error, one per line, for failure messages. */
    String outboxCalls() {
        return (String) query("SELECT STRING_AGG(thread_key || ' ' || kind || ' ' || status || ' '"
                + " || COALESCE(last_error, ''), E'\\n' ORDER BY id) FROM outbox_calls");
    }

    /** True once every Slack call medic queued has been sent (or given up on). */
    boolean outboxDrained() {
        return count("SELECT COUNT(*) FROM outbox_calls WHERE status = 'PENDING'") == 0;
    }

    /** Bodies of the calls WireMock received on {@code path}, form-decoded. */
    List<String> calls(String path) {
        return flow.calls(path);
    }

    /** Top-level messages: chat.postMessage calls without a thread. */
    List<String> parentPosts() {
        return calls("/api/chat.postMessage").stream().filter(body -> !body.contains("thread_ts=")).toList();
    }

    String outputs() {
        StringBuilder all = new StringBuilder();
        replicas.forEach(r -> all.append("\n----- ").append(r.name).append(" -----\n").append(r.output()));
        return all.toString();
    }

    void await(Duration limit, BooleanSupplier condition, Supplier<String> what) throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not within " + limit + ": " + what.get() + outputs());
            }
            Thread.sleep(100);
        }
    }

    @Override
    public void close() throws Exception {
        try (flow; database) {
            for (Replica replica : replicas) {
                replica.close();
            }
        } finally {
            senders.shutdownNow();
        }
    }
}
