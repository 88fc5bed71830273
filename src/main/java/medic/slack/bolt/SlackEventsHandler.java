package medic.slack.bolt;

import com.slack.api.bolt.App;
import com.slack.api.bolt.request.Request;
import com.slack.api.bolt.request.RequestHeaders;
import com.slack.api.bolt.response.Response;
import com.slack.api.bolt.util.SlackRequestParser;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code POST /slack/events} on Javalin: hands Bolt the raw body (the signature covers its exact bytes) with all
 * headers, and copies Bolt's status, headers and body back. Events, interactivity and slash commands all come here.
 */
public final class SlackEventsHandler implements Handler {
    public static final String PATH = "/slack/events";

    private final App app;
    private final SlackRequestParser parser;

    public SlackEventsHandler(App app) {
        this.app = app;
        this.parser = new SlackRequestParser(app.config());
    }

    @Override
    public void handle(Context ctx) throws Exception {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        for (String name : Collections.list(ctx.req().getHeaderNames())) {
            headers.put(name, Collections.list(ctx.req().getHeaders(name)));
        }
        Request<?> request = parser.parse(SlackRequestParser.HttpRequest.builder()
                .requestUri(ctx.path())
                .queryString(ctx.queryParamMap())
                .headers(new RequestHeaders(headers))
                .requestBody(new String(ctx.bodyAsBytes(), StandardCharsets.UTF_8))
                .remoteAddress(ctx.ip())
                .build());
        Response response = app.run(request);
        ctx.status(response.getStatusCode());
        if (response.getHeaders() != null) {
            response.getHeaders().forEach((name, values) -> values.forEach(value -> ctx.res().addHeader(name, value)));
        }
        if (response.getContentType() != null) {
            ctx.contentType(response.getContentType());
        }
        if (response.getBody() != null) {
            ctx.result(response.getBody().getBytes(StandardCharsets.UTF_8));
        }
    }
}
