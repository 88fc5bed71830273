package medic.server;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;

/**
 * How Alertmanager authenticates to {@code POST /hooks/alertmanager}: a bearer token, basic auth, or both (either
 * then passes); and the largest payload accepted. {@link #toString()} hides the secrets.
 *
 * @param token    bearer token, or null
 * @param user     basic-auth user, or null (then password is null too)
 * @param maxBytes largest payload accepted
 */
public record WebhookSettings(String token, String user, String password, long maxBytes) {
    public WebhookSettings {
        if (token == null && user == null) {
            throw new IllegalArgumentException("the webhook needs a bearer token or basic auth");
        }
        if ((user == null) != (password == null)) {
            throw new IllegalArgumentException("basic auth needs both a user and a password");
        }
    }

    /** True when the {@code Authorization} header carries the token or the user and password (compared in constant time). */
    public boolean accepts(String authorization) {
        if (authorization == null) {
            return false;
        }
        boolean bearer = token != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)
                && same(authorization.substring(7).strip(), token);
        boolean basic = user != null && authorization.regionMatches(true, 0, "Basic ", 0, 6)
                && same(authorization.substring(6).strip(),
                        Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)));
        return bearer || basic;
    }

    private static boolean same(String given, String expected) {
        return MessageDigest.isEqual(given.getBytes(StandardCharsets.UTF_8), expected.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public String toString() {
        return "WebhookSettings[token=" + (token == null ? "" : "***") + ", user=" + (user == null ? "" : user)
                + ", password=" + (password == null ? "" : "***") + ", maxBytes=" + maxBytes + "]";
    }
}
