package medic.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What WireMock (Slack) received, from its request journal: every Web API call with its form fields, arrival time
 * and answer. The storm's Slack figures are computed here: top-level posts, calls sent twice, pacing per channel.
 */
final class SlackJournal {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** One call: {@code method} such as chat.postMessage, its form fields, when WireMock received it, its answer. */
    record Call(String method, String body, Map<String, String> fields, long receivedMillis, String answer) {
        String channel() {
            return fields.getOrDefault("channel", fields.get("channel_id"));
        }

        boolean topLevelPost() {
            return method.equals("chat.postMessage") && !fields.containsKey("thread_ts");
        }

        /** The {@code ts} Slack answered (a post's message id). */
        String answeredTs() {
            try {
                return JSON.readTree(answer).path("ts").asText(null);
            } catch (IOException e) {
                throw new UncheckedIOException("Slack's answer to " + method + " is not JSON: " + answer, e);
            }
        }
    }

    /** Pacing of one channel: calls, most calls within any one second, smallest gap between two calls (ms). */
    record Pacing(int calls, int maxInOneSecond, long smallestGapMillis) {
    }

    private final List<Call> calls;

    SlackJournal(List<ServeEvent> events) {
        List<Call> all = new ArrayList<>();
        for (ServeEvent event : events) {
            String url = event.getRequest().getUrl();
            if (!url.startsWith("/api/") || url.equals("/api/auth.test")) {
                continue; // file bytes go to /upload/..., and auth.test is a health check
            }
            String body = URLDecoder.decode(event.getRequest().getBodyAsString(), StandardCharsets.UTF_8);
            all.add(new Call(url.substring("/api/".length()), body, fields(event.getRequest().getBodyAsString()),
                    event.getRequest().getLoggedDate().getTime(), event.getResponse().getBodyAsString()));
        }
        all.sort(Comparator.comparingLong(Call::receivedMillis));
        this.calls = List.copyOf(all);
    }

    List<Call> calls() {
        return calls;
    }

    List<Call> topLevelPosts() {
        return calls.stream().filter(Call::topLevelPost).toList();
    }

    /** Calls whose method and whole body were received more than once, with how often. */
    Map<String, Integer> duplicates() {
        Map<String, Integer> seen = new HashMap<>();
        calls.forEach(call -> seen.merge(call.method() + " " + call.body(), 1, Integer::sum));
        Map<String, Integer> twice = new TreeMap<>();
        seen.forEach((call, times) -> {
            if (times > 1) {
                twice.put(call.length() > 300 ? call.substring(0, 300) + "..." : call, times);
            }
        });
        return twice;
    }

    /** Per channel: the calls that name it (posts, replies, updates, completed uploads) and how they were spaced. */
    Map<String, Pacing> pacing() {
        Map<String, List<Long>> times = new TreeMap<>();
        calls.stream().filter(call -> call.channel() != null)
                .forEach(call -> times.computeIfAbsent(call.channel(), c -> new ArrayList<>()).add(call.receivedMillis()));
        Map<String, Pacing> pacing = new TreeMap<>();
        times.forEach((channel, arrivals) -> {
            int most = 0;
            long gap = Long.MAX_VALUE;
            int first = 0;
            for (int i = 0; i < arrivals.size(); i++) {
                while (arrivals.get(i) - arrivals.get(first) >= 1_000) {
                    first++;
                }
                most = Math.max(most, i - first + 1);
                if (i > 0) {
                    gap = Math.min(gap, arrivals.get(i) - arrivals.get(i - 1));
                }
            }
            pacing.put(channel, new Pacing(arrivals.size(), most, gap));
        });
        return pacing;
    }

    /** Calls per Web API method. */
    Map<String, Integer> byMethod() {
        Map<String, Integer> counts = new TreeMap<>();
        calls.forEach(call -> counts.merge(call.method(), 1, Integer::sum));
        return counts;
    }

    private static Map<String, String> fields(String form) {
        Map<String, String> fields = new HashMap<>();
        for (String pair : form.split("&")) {
            int equals = pair.indexOf('=');
            if (equals > 0) {
                fields.put(URLDecoder.decode(pair.substring(0, equals), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8));
            }
        }
        return fields;
    }
}
