package medic.bench;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import medic.outbox.DurableOutbox;
import medic.outbox.OutboxSettings;
import medic.slack.SlackMessage;
import medic.slack.api.ReceivedCall;
import medic.slack.api.SdkSlackGateway;
import medic.slack.api.SlackWebApiStub;
import medic.store.Database;
import medic.store.DatabaseSettings;

/**
 * A storm through the Slack outbox against WireMock: {@code OutboxBench [calls] [threads] [channels] [intervalMs]
 * [callers]}. Every thread posts once and then replies; threads spread over the channels; {@code callers} threads
 * enqueue at once. Reports enqueue latency, time to each channel's first call, drain time, calls per second per
 * channel with the smallest gap between two calls to one channel, and checks none was lost, duplicated or reordered.
 * Runs on a fresh H2 file in a temporary directory (test classpath: WireMock is a test dependency).
 */
public final class OutboxBench {

    private OutboxBench() {
    }

    public static void main(String[] args) throws Exception {
        int calls = args.length > 0 ? Integer.parseInt(args[0]) : 2000;
        int threads = args.length > 1 ? Integer.parseInt(args[1]) : 50;
        int channels = args.length > 2 ? Integer.parseInt(args[2]) : 5;
        long intervalMillis = args.length > 3 ? Long.parseLong(args[3]) : 1000;
        int callers = args.length > 4 ? Integer.parseInt(args[4]) : 8;
        int perThread = calls / threads;
        System.out.printf(Locale.ROOT, "OutboxBench: %d calls = %d threads x %d, %d channels, %d ms per channel,"
                + " %d enqueuing threads; %d cores, load %.2f%n", perThread * threads, threads, perThread, channels,
                intervalMillis, callers, Runtime.getRuntime().availableProcessors(),
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());

        Path directory = Files.createTempDirectory("outbox-bench");
        try (SlackWebApiStub slack = SlackWebApiStub.start();
                SdkSlackGateway gateway = SdkSlackGateway.connect(slack.settings());
                Database database = Database.open(DatabaseSettings.h2File(directory.resolve("medic")));
                DurableOutbox outbox = DurableOutbox.start(database, gateway,
                        OutboxSettings.DEFAULTS.withChannelInterval(Duration.ofMillis(intervalMillis)),
                        new SimpleMeterRegistry())) {
            long[] enqueueNanos = new long[perThread * threads];
            ExecutorService pool = Executors.newFixedThreadPool(callers);
            long start = System.nanoTime();
            List<Future<?>> done = new ArrayList<>();
            for (int c = 0; c < callers; c++) {
                int caller = c;
                done.add(pool.submit(() -> {
                    // Caller c owns threads c, c + callers...; each enqueues its threads' calls round-robin.
                    for (int i = 0; i < perThread; i++) {
                        for (int t = caller; t < threads; t += callers) {
                            String thread = "incident-" + t;
                            SlackMessage message = SlackMessage.plain(thread + " #" + i);
                            long before = System.nanoTime();
                            if (i == 0) {
                                outbox.post(thread, "C" + (t % channels), message);
                            } else {
                                outbox.reply(thread, message);
                            }
                            enqueueNanos[i * threads + t] = System.nanoTime() - before;
                        }
                    }
                }));
            }
            for (Future<?> future : done) {
                future.get();
            }
            long enqueued = System.nanoTime();
            pool.shutdown();
            while (outbox.counts().sent() < (long) perThread * threads) {
                Thread.sleep(50);
            }
            List<ReceivedCall> delivered = slack.received(call -> call.ok());
            long drained = delivered.get(delivered.size() - 1).nanos();
            report(start, enqueued, drained, enqueueNanos, delivered, channels, threads, perThread);
        }
    }

    private static void report(long start, long enqueued, long drained, long[] enqueueNanos,
            List<ReceivedCall> delivered, int channels, int threads, int perThread) {
        Arrays.sort(enqueueNanos);
        System.out.printf(Locale.ROOT, "enqueue: p50 %.2f ms, p99 %.2f ms, max %.2f ms; all %d enqueued in %.2f s%n",
                ms(enqueueNanos[enqueueNanos.length / 2]), ms(enqueueNanos[(int) (enqueueNanos.length * 0.99)]),
                ms(enqueueNanos[enqueueNanos.length - 1]), enqueueNanos.length, (enqueued - start) / 1e9);
        System.out.printf(Locale.ROOT, "drain: %.1f s from the first enqueue to the last call at Slack%n",
                (drained - start) / 1e9);
        Map<String, List<ReceivedCall>> byChannel = new LinkedHashMap<>();
        Map<String, List<String>> byThread = new LinkedHashMap<>();
        for (ReceivedCall call : delivered) {
            byChannel.computeIfAbsent(call.param("channel"), key -> new ArrayList<>()).add(call);
            String text = call.param("text");
            byThread.computeIfAbsent(text.substring(0, text.indexOf(' ')), key -> new ArrayList<>()).add(text);
        }
        double worstRate = 0;
        for (var entry : byChannel.entrySet()) {
            List<ReceivedCall> calls = entry.getValue();
            long minGap = Long.MAX_VALUE;
            for (int i = 1; i < calls.size(); i++) {
                minGap = Math.min(minGap, calls.get(i).nanos() - calls.get(i - 1).nanos());
            }
            double span = (calls.get(calls.size() - 1).nanos() - calls.get(0).nanos()) / 1e9;
            double rate = span == 0 ? 0 : (calls.size() - 1) / span;
            worstRate = Math.max(worstRate, rate);
            System.out.printf(Locale.ROOT, "channel %s: %d calls, first %.1f ms after the storm began, %.3f calls/s,"
                    + " smallest gap %.1f ms%n", entry.getKey(), calls.size(), ms(calls.get(0).nanos() - start),
                    rate, ms(minGap));
        }
        int inOrder = 0;
        for (int t = 0; t < threads; t++) {
            List<String> expected = new ArrayList<>();
            for (int i = 0; i < perThread; i++) {
                expected.add("incident-" + t + " #" + i);
            }
            inOrder += expected.equals(byThread.get("incident-" + t)) ? 1 : 0;
        }
        System.out.printf(Locale.ROOT, "summary: %d calls at Slack (expected %d), %d/%d threads complete and in order,"
                + " highest channel rate %.3f calls/s%n", delivered.size(), threads * perThread, inOrder, threads,
                worstRate);
    }

    private static double ms(long nanos) {
        return nanos / 1e6;
    }
}
