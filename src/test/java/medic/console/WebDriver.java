package medic.console;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import medic.testing.Ports;

/**
 * Debian's chromedriver driving headless chromium over the W3C WebDriver HTTP protocol (no Selenium jar here):
 * open a page, find elements by CSS, click, set values, read text, await a condition, take a screenshot.
 */
final class WebDriver implements AutoCloseable {
    private static final String ELEMENT = "element-6066-11e4-a52e-4f735466cecf";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Process driver;
    private final HttpClient http = HttpClient.newHttpClient();
    private final String base;
    private final String session;

    private WebDriver(Process driver, String base) throws IOException, InterruptedException {
        this.driver = driver;
        this.base = base;
        ObjectNode options = JSON.createObjectNode();
        options.put("binary", Files.isExecutable(Path.of("/usr/bin/chromium")) ? "/usr/bin/chromium" : "chromium");
        options.putArray("args").add("--headless=new").add("--no-sandbox").add("--disable-gpu")
                .add("--disable-dev-shm-usage").add("--window-size=1400,1600");
        ObjectNode capabilities = JSON.createObjectNode();
        capabilities.putObject("capabilities").putObject("alwaysMatch").put("browserName", "chrome")
                .set("goog:chromeOptions", options);
        this.session = call("POST", "/session", capabilities).path("sessionId").asText();
    }

    static WebDriver start() throws IOException, InterruptedException {
        int port = Ports.freePort();
        Process driver = new ProcessBuilder("chromedriver", "--port=" + port)
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        String base = "http://127.0.0.1:" + port;
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        HttpClient probe = HttpClient.newHttpClient();
        while (true) {
            try {
                probe.send(HttpRequest.newBuilder(URI.create(base + "/status")).build(),
                        HttpResponse.BodyHandlers.ofString());
                return new WebDriver(driver, base);
            } catch (IOException notYet) {
                if (System.nanoTime() > deadline || !driver.isAlive()) {
                    driver.destroyForcibly();
                    throw new IOException("chromedriver did not answer on " + base + " within 20 s", notYet);
                }
                Thread.sleep(100);
            }
        }
    }

    void open(String url) throws IOException, InterruptedException {
        call("POST", "/session/" + session + "/url", JSON.createObjectNode().put("url", url));
    }

    /** The text of the first element matching {@code css}, or "" when there is none yet. */
    String text(String css) throws IOException, InterruptedException {
        JsonNode found = callAllowingMissing(css);
        return found == null ? "" : call("GET", "/session/" + session + "/element/" + found.asText() + "/text", null)
                .asText();
    }

    void click(String css) throws IOException, InterruptedException {
        String element = element(css);
        call("POST", "/session/" + session + "/element/" + element + "/click", JSON.createObjectNode());
    }

    /** Accepts the page's confirm() dialog, waiting for it to open. */
    void acceptConfirmation() throws IOException, InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (send("POST", "/session/" + session + "/alert/accept", JSON.createObjectNode()).statusCode() != 200) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("no confirmation dialog opened within 10 s");
            }
            Thread.sleep(100);
        }
    }

    /** Sets a form field's value at once (typing a whole config key by key is slow and adds nothing). */
    void fill(String css, String value) throws IOException, InterruptedException {
        ObjectNode body = JSON.createObjectNode();
        body.put("script", "document.querySelector(arguments[0]).value = arguments[1];");
        body.putArray("args").add(css).add(value);
        call("POST", "/session/" + session + "/execute/sync", body);
    }

    /** Waits until the text of {@code css} satisfies {@code wanted}; returns that text. */
    String await(String css, Predicate<String> wanted, Duration timeout) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        String last = "";
        while (System.nanoTime() < deadline) {
            last = text(css);
            if (wanted.test(last)) {
                return last;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("the page's " + css + " did not show what was awaited within " + timeout
                + "; it shows:\n" + last);
    }

    void screenshot(Path file) throws IOException, InterruptedException {
        Files.createDirectories(file.getParent());
        Files.write(file, Base64.getDecoder().decode(call("GET", "/session/" + session + "/screenshot", null).asText()));
    }

    private String element(String css) throws IOException, InterruptedException {
        JsonNode found = callAllowingMissing(css);
        if (found == null) {
            throw new AssertionError("no element matches " + css);
        }
        return found.asText();
    }

    private JsonNode callAllowingMissing(String css) throws IOException, InterruptedException {
        ObjectNode query = JSON.createObjectNode().put("using", "css selector").put("value", css);
        JsonNode result = JSON.readTree(send("POST", "/session/" + session + "/elements", query).body()).path("value");
        return result.isArray() && result.size() > 0 ? result.get(0).path(ELEMENT) : null;
    }

    private JsonNode call(String method, String path, JsonNode body) throws IOException, InterruptedException {
        HttpResponse<String> response = send(method, path, body);
        JsonNode value = JSON.readTree(response.body()).path("value");
        if (response.statusCode() != 200) {
            throw new IOException("WebDriver " + method + " " + path + " failed (" + response.statusCode() + "): "
                    + value.path("message").asText(response.body()));
        }
        return value;
    }

    private HttpResponse<String> send(String method, String path, JsonNode body) throws IOException,
            InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60))
                .header("Content-Type", "application/json");
        request.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(body.toString()));
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Override
    public void close() throws InterruptedException {
        try {
            send("DELETE", "/session/" + session, null);
        } catch (IOException e) {
            // The browser is gone already; stopping the driver below is what matters.
        }
        driver.destroy();
        if (!driver.waitFor(10, TimeUnit.SECONDS)) {
            driver.destroyForcibly();
        }
    }
}
