package medic.slack.api;

import java.util.Map;

/**
 * One request the Slack stand-in received, in arrival order, with how it answered.
 *
 * @param method the Web API method ({@code chat.postMessage}), {@code response_url} or {@code upload}
 * @param params form parameters of a method call; the raw body of a response_url or upload call under {@code body}
 * @param ok     false when it answered an HTTP error or {@code ok:false}
 * @param ts     the ts the stand-in gave a posted message, or null
 */
public record ReceivedCall(long nanos, String method, Map<String, String> params, int status, boolean ok, String ts) {

    public String param(String name) {
        return params.get(name);
    }
}
