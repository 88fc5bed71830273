package medic.alert;

import io.javalin.Javalin;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import medic.incident.AlertIntake;

/** The webhook handler in a real Javalin on a free loopback port, and a client that posts to it. */
final class WebhookServer implements AutoCloseable {

    static final String TOKEN = "s3cret-webhook-token";
    static final long LIMIT = 64 * 1024;

    private final Javalin app;
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    WebhookServer(AlertIntake intake) {
        AlertmanagerWebhook webhook = new AlertmanagerWebhook(new WebhookAuth(TOKEN, "alertmanager", "s3cret-basic"),
                LIMIT, intake);
        app = Javalin.create(config -> config.routes.post(AlertmanagerWebhook.PATH, webhook)).start("127.0.0.1", 0);
    }

    HttpRequest.Builder request() {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port() + AlertmanagerWebhook.PATH))
                .timeout(Duration.ofSeconds(30));
    }

    /** Posts {@code json} as Alertmanager does, with the bearer token. */
    HttpResponse<String> post(String json) {
        return send(request().header("Content-Type", "application/json").header("Authorization", "Bearer " + TOKEN)
                .POST(HttpRequest.BodyPublishers.ofString(json)).build());
    }

    HttpResponse<String> send(HttpRequest request) {
        try {
            return client.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException("POST " + request.uri() + " failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    @Override
    public void close() {
        app.stop();
    }
}
