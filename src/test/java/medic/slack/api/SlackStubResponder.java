package medic.slack.api;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/** Answers each request as Slack would, or with the failure a test planned, and records it. */
final class SlackStubResponder implements ResponseDefinitionTransformerV2 {

    /** A planned failure: {@code remaining} more calls get it. */
    private static final class Fault {
        int remaining;
        final int status;
        final String retryAfter;
        final String error;

        Fault(int remaining, int status, String retryAfter, String error) {
            this.remaining = remaining;
            this.status = status;
            this.retryAfter = retryAfter;
            this.error = error;
        }
    }

    private final AtomicLong counter = new AtomicLong();
    private final Map<String, Fault> faults = new ConcurrentHashMap<>();
    private final List<ReceivedCall> received = new ArrayList<>();
    private volatile String baseUrl;

    @Override
    public String getName() {
        return "slack-stub";
    }

    @Override
    public boolean applyGlobally() {
        return false;
    }

    void baseUrl(String url) {
        baseUrl = url;
    }

    void fail(String method, int times, int status, String retryAfter, String error) {
        faults.put(method, new Fault(times, status, retryAfter, error));
    }

    void heal() {
        faults.clear();
    }

    synchronized List<ReceivedCall> received() {
        return List.copyOf(received);
    }

    @Override
    public ResponseDefinition transform(ServeEvent event) {
        long nanos = System.nanoTime();
        String path = event.getRequest().getUrl().replaceFirst("\\?.*", "");
        String method = path.startsWith("/api/") ? path.substring(5)
                : path.startsWith("/respond/") ? "response_url" : path.startsWith("/upload/") ? "upload" : path;
        Map<String, String> params = params(method, event.getRequest().getBodyAsString());
        Fault fault = takeFault(method);
        ResponseDefinitionBuilder response;
        String ts = null;
        int status = 200;
        boolean ok = false;
        if (fault != null && fault.error == null) {
            status = fault.status;
            response = new ResponseDefinitionBuilder().withStatus(status).withBody(status == 429 ? ""
                    : "{\"ok\":false,\"error\":\"upstream_unavailable\"}");
            if (fault.retryAfter != null) {
                response = response.withHeader("Retry-After", fault.retryAfter);
            }
        } else if (fault != null) {
            response = json("{\"ok\":false,\"error\":\"" + fault.error + "\"}");
        } else {
            long n = counter.incrementAndGet();
            ts = method.equals("chat.postMessage") ? String.format("1700000000.%06d", n) : null;
            response = success(method, params, ts, n);
            ok = true;
        }
        synchronized (this) {
            received.add(new ReceivedCall(nanos, method, params, status, ok, ts));
        }
        return response.build();
    }

    private synchronized Fault takeFault(String method) {
        Fault fault = faults.get(method);
        if (fault == null || fault.remaining <= 0) {
            return null;
        }
        fault.remaining--;
        return fault;
    }

    private ResponseDefinitionBuilder success(String method, Map<String, String> params, String ts, long n) {
        return switch (method) {
            case "chat.postMessage" -> json("{\"ok\":true,\"channel\":\"" + params.get("channel") + "\",\"ts\":\"" + ts
                    + "\",\"message\":{\"type\":\"message\",\"text\":\"\",\"ts\":\"" + ts + "\"}}");
            case "chat.update" -> json("{\"ok\":true,\"channel\":\"" + params.get("channel") + "\",\"ts\":\""
                    + params.get("ts") + "\"}");
            case "files.getUploadURLExternal" -> json("{\"ok\":true,\"upload_url\":\"" + baseUrl + "/upload/F" + n
                    + "\",\"file_id\":\"F" + n + "\"}");
            case "files.completeUploadExternal" -> json("{\"ok\":true,\"files\":[{\"id\":\"F" + n + "\"}]}");
            case "usergroups.users.list" -> json("{\"ok\":true,\"users\":[\"U0001\",\"U0002\"]}");
            case "auth.test" -> json("{\"ok\":true,\"user_id\":\"UBOT\",\"team_id\":\"T0001\"}");
            case "response_url" -> new ResponseDefinitionBuilder().withStatus(200).withBody("ok");
            case "upload" -> new ResponseDefinitionBuilder().withStatus(200).withBody("OK - " + n);
            default -> json("{\"ok\":false,\"error\":\"unknown_method\"}");
        };
    }

    private static ResponseDefinitionBuilder json(String body) {
        return new ResponseDefinitionBuilder().withStatus(200).withHeader("Content-Type", "application/json")
                .withBody(body);
    }

    private static Map<String, String> params(String method, String body) {
        Map<String, String> params = new LinkedHashMap<>();
        if (method.equals("response_url") || method.equals("upload") || body == null) {
            params.put("body", body);
            return params;
        }
        for (String pair : body.split("&")) {
            int equals = pair.indexOf('=');
            if (equals > 0) {
                params.put(URLDecoder.decode(pair.substring(0, equals), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8));
            }
        }
        return params;
    }
}
