package medic.slack.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.gson.JsonParseException;
import com.slack.api.Slack;
import com.slack.api.SlackConfig;
import com.slack.api.methods.MethodsClient;
import com.slack.api.methods.SlackApiException;
import com.slack.api.methods.SlackApiTextResponse;
import com.slack.api.methods.request.files.FilesCompleteUploadExternalRequest.FileDetails;
import com.slack.api.methods.response.chat.ChatPostMessageResponse;
import com.slack.api.methods.response.files.FilesGetUploadURLExternalResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import medic.slack.SlackMessage;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okhttp3.ResponseBody;

/**
 * {@link SlackGateway} on the Slack SDK's synchronous {@link MethodsClient}, which neither retries nor queues: a 429
 * or 5xx arrives here as a {@link SlackApiException} and an {@code ok:false} answer as a response to check.
 */
public final class SdkSlackGateway implements SlackGateway, AutoCloseable {

    private static final MediaType JSON = MediaType.get("application/json; charset=utf-8");
    private static final MediaType BYTES = MediaType.get("application/octet-stream");
    private static final ObjectMapper MAPPER = new ObjectMapper();

    /** One Web API call as the SDK makes it. */
    @FunctionalInterface
    private interface SdkCall<T extends SlackApiTextResponse> {
        T run() throws IOException, SlackApiException;
    }

    private final Slack slack;
    private final MethodsClient methods;
    private final OkHttpClient http;

    private SdkSlackGateway(Slack slack, String botToken) {
        this.slack = slack;
        this.methods = slack.methods(botToken);
        this.http = slack.getHttpClient().getOkHttpClient();
    }

    public static SdkSlackGateway connect(SlackApiSettings settings) {
        // A fresh config, not SlackConfig.DEFAULT: that one is shared and frozen.
        SlackConfig config = new SlackConfig();
        config.setMethodsEndpointUrlPrefix(settings.baseUrl());
        config.setStatsEnabled(false);
        int timeoutMillis = Math.toIntExact(settings.callTimeout().toMillis());
        config.setHttpClientCallTimeoutMillis(timeoutMillis);
        config.setHttpClientReadTimeoutMillis(timeoutMillis);
        config.setHttpClientWriteTimeoutMillis(timeoutMillis);
        return new SdkSlackGateway(Slack.getInstance(config), settings.botToken());
    }

    @Override
    public PostedMessage postMessage(String channel, String threadTs, SlackMessage message) {
        ChatPostMessageResponse response = call("chat.postMessage", () -> methods.chatPostMessage(request -> {
            request.channel(channel).text(message.text()).threadTs(threadTs);
            return hasBlocks(message) ? request.blocksAsString(message.blocksJson()) : request;
        }));
        if (response.getChannel() == null || response.getTs() == null) {
            throw new SlackCallException("chat.postMessage", "ok:true without channel and ts",
                    SlackCallException.Retry.NEVER, null, null);
        }
        return new PostedMessage(response.getChannel(), response.getTs());
    }

    @Override
    public void updateMessage(String channel, String ts, SlackMessage message) {
        call("chat.update", () -> methods.chatUpdate(request -> {
            request.channel(channel).ts(ts).text(message.text());
            // An update without blocks must clear the old ones, or Slack keeps showing them.
            return request.blocksAsString(hasBlocks(message) ? message.blocksJson() : "[]");
        }));
    }

    @Override
    public void uploadFile(String channel, String threadTs, String filename, String content, String comment) {
        byte[] bytes = content.getBytes(StandardCharsets.UTF_8);
        FilesGetUploadURLExternalResponse target = call("files.getUploadURLExternal",
                () -> methods.filesGetUploadURLExternal(request -> request.filename(filename).length(bytes.length)));
        post("files.upload", target.getUploadUrl(), RequestBody.create(bytes, BYTES));
        call("files.completeUploadExternal", () -> methods.filesCompleteUploadExternal(request -> request
                .files(List.of(new FileDetails(target.getFileId(), filename, null)))
                .channelId(channel).threadTs(threadTs).initialComment(comment)));
    }

    @Override
    public void respond(String responseUrl, SlackMessage message, boolean ephemeral) {
        ObjectNode body = MAPPER.createObjectNode();
        body.put("text", message.text());
        body.put("response_type", ephemeral ? "ephemeral" : "in_channel");
        body.put("replace_original", false);
        if (hasBlocks(message)) {
            try {
                body.set("blocks", MAPPER.readTree(message.blocksJson()));
            } catch (IOException e) {
                throw new SlackCallException("response_url", "blocks are not valid JSON: " + e.getMessage(),
                        SlackCallException.Retry.NEVER, null, e);
            }
        }
        String answer = post("response_url", responseUrl, RequestBody.create(body.toString(), JSON));
        // Slack answers "ok", or JSON that may say ok:false (expired_url, used_url...).
        if (answer.contains("\"ok\":false")) {
            throw SlackFailures.notOk("response_url", errorOf(answer));
        }
    }

    @Override
    public List<String> usergroupMembers(String usergroupId) {
        List<String> users = call("usergroups.users.list",
                () -> methods.usergroupsUsersList(request -> request.usergroup(usergroupId))).getUsers();
        return users == null ? List.of() : List.copyOf(users);
    }

    @Override
    public void close() throws Exception {
        slack.close();
    }

    private static <T extends SlackApiTextResponse> T call(String method, SdkCall<T> call) {
        T response;
        try {
            response = call.run();
        } catch (SlackApiException e) {
            throw SlackFailures.of(method, e);
        } catch (IOException e) {
            throw SlackFailures.network(method, e);
        } catch (JsonParseException e) {
            // A proxy's HTML error page with status 200, say.
            throw SlackFailures.unreadable(method, e);
        }
        if (!response.isOk()) {
            throw SlackFailures.notOk(method, response.getError());
        }
        return response;
    }

    /** A POST outside the methods API (upload URL, response_url); returns the body of a 2xx answer. */
    private String post(String method, String url, RequestBody body) {
        Request request;
        try {
            request = new Request.Builder().url(url).post(body).build();
        } catch (IllegalArgumentException e) {
            throw new SlackCallException(method, "not a URL: " + url, SlackCallException.Retry.NEVER, null, e);
        }
        try (Response response = http.newCall(request).execute()) {
            ResponseBody responseBody = response.body();
            String text = responseBody == null ? "" : responseBody.string();
            if (!response.isSuccessful()) {
                throw SlackFailures.httpFailure(method, response.code(), response.header("Retry-After"), text, null);
            }
            return text;
        } catch (IOException e) {
            throw SlackFailures.network(method, e);
        }
    }

    private static boolean hasBlocks(SlackMessage message) {
        return !message.blocksJson().replaceAll("\\s", "").equals("[]");
    }

    private static String errorOf(String json) {
        try {
            return MAPPER.readTree(json).path("error").asText(null);
        } catch (IOException e) {
            return null;
        }
    }
}
