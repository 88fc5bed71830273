package medic.apply.probe;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** GETs a health URL through nginx and passes on a 2xx answer within the timeout. */
public final class HttpHealthProbe implements Probe {

    private final URI url;
    private final Duration timeout;

    public HttpHealthProbe(URI url, Duration timeout) {
        this.url = url;
        this.timeout = timeout;
    }

    @Override
    public ProbeResult run() {
        long started = System.nanoTime();
        String name = "HTTP health " + url;
        HttpClient client = HttpClient.newBuilder().connectTimeout(timeout).build();
        try {
            HttpResponse<String> response = client.send(HttpRequest.newBuilder(url).timeout(timeout).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            boolean passed = response.statusCode() / 100 == 2;
            return new ProbeResult(name, passed, "answered " + response.statusCode()
                    + (passed ? "" : ", not 2xx"), elapsed(started));
        } catch (IOException e) {
            return new ProbeResult(name, false, "no answer: " + e, elapsed(started));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new ProbeResult(name, false, "interrupted", elapsed(started));
        }
    }

    private static Duration elapsed(long started) {
        return Duration.ofNanos(System.nanoTime() - started);
    }
}
