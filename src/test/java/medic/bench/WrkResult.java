package medic.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What wrk reported for the storm, read from the {@code storm-wrk} lines src/bench/storm.lua prints: per thread the
 * requests sent and answered, the totals, and latency percentiles (microseconds, from the request's send).
 *
 * @param threads   thread t sent payloads t, t+threads.size(), ... in order
 * @param requests  answers received within the run
 * @param seconds   the run's length
 * @param errors    wrk's error counts (connect, read, write, status = non-2xx/3xx, timeout)
 * @param latencyMicros p50, p90, p99, p99.9 and max
 */
record WrkResult(List<Sender> threads, long requests, double seconds, Map<String, Long> errors,
                 Map<String, Long> latencyMicros) {

    /** One wrk thread: requests it sent, and of its answers how many were 202 and how many something else. */
    record Sender(int id, long sent, long accepted, long other) {
        /** Requests sent but not answered when wrk stopped (at most one per connection of the thread). */
        long unanswered() {
            return sent - accepted - other;
        }
    }

    private static final Pattern THREAD = Pattern.compile(
            "storm-wrk thread (\\d+) sent (\\d+) accepted (\\d+) other (\\d+)");
    private static final Pattern SUMMARY = Pattern.compile("storm-wrk summary requests (\\d+) duration_us (\\d+)"
            + " connect (\\d+) read (\\d+) write (\\d+) status (\\d+) timeout (\\d+)");
    private static final Pattern LATENCY = Pattern.compile("storm-wrk latency (\\S+) (\\d+)");

    static WrkResult read(Path file) throws IOException {
        String text = Files.readString(file);
        List<Sender> threads = new ArrayList<>();
        Matcher thread = THREAD.matcher(text);
        while (thread.find()) {
            threads.add(new Sender(Integer.parseInt(thread.group(1)), Long.parseLong(thread.group(2)),
                    Long.parseLong(thread.group(3)), Long.parseLong(thread.group(4))));
        }
        Matcher summary = SUMMARY.matcher(text);
        if (threads.isEmpty() || !summary.find()) {
            throw new IllegalStateException(file + " holds no storm-wrk summary (did wrk run with src/bench/storm.lua?):\n"
                    + text);
        }
        Map<String, Long> errors = new LinkedHashMap<>();
        String[] names = {"connect", "read", "write", "status", "timeout"};
        for (int i = 0; i < names.length; i++) {
            errors.put(names[i], Long.parseLong(summary.group(3 + i)));
        }
        Map<String, Long> latency = new LinkedHashMap<>();
        Matcher percentile = LATENCY.matcher(text);
        while (percentile.find()) {
            latency.put(percentile.group(1), Long.parseLong(percentile.group(2)));
        }
        return new WrkResult(List.copyOf(threads), Long.parseLong(summary.group(1)),
                Long.parseLong(summary.group(2)) / 1e6, errors, latency);
    }

    long sent() {
        return threads.stream().mapToLong(Sender::sent).sum();
    }

    long accepted() {
        return threads.stream().mapToLong(Sender::accepted).sum();
    }

    long unanswered() {
        return threads.stream().mapToLong(Sender::unanswered).sum();
    }

    double millis(String percentile) {
        Long micros = latencyMicros.get(percentile);
        return micros == null ? Double.NaN : micros / 1000.0;
    }
}
