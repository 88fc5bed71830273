package medic.alert;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;

/**
 * Checks the Authorization header as Alertmanager's http_config sends it: {@code Bearer <token>}
 * (authorization.credentials) or {@code Basic} (basic_auth). Secrets are compared as SHA-256 digests with
 * {@link MessageDigest#isEqual}, so neither length nor content leaks through timing.
 */
public final class WebhookAuth {

    private static final String REALM = "realm=\"medic\"";

    private final byte[] bearerDigest;
    private final byte[] basicDigest;

    /**
     * @param bearerToken   the token Alertmanager sends as {@code authorization.credentials}, or null
     * @param basicUser     the {@code basic_auth} username, or null
     * @param basicPassword the {@code basic_auth} password, or null
     */
    public WebhookAuth(String bearerToken, String basicUser, String basicPassword) {
        boolean bearer = bearerToken != null && !bearerToken.isEmpty();
        boolean basic = basicUser != null && !basicUser.isEmpty();
        if (basic && (basicPassword == null || basicPassword.isEmpty())) {
            throw new IllegalArgumentException("the webhook's basic auth user is set but its password is empty");
        }
        if (!bearer && !basic) {
            throw new IllegalArgumentException("the Alertmanager webhook needs a bearer token or a basic auth user"
                    + " and password; medic accepts no unauthenticated alerts");
        }
        this.bearerDigest = bearer ? digest(bearerToken) : null;
        this.basicDigest = basic ? digest(basicUser + ":" + basicPassword) : null;
    }

    /** True when the header carries the configured bearer token or basic credentials. */
    public boolean permits(String authorization) {
        if (authorization == null) {
            return false;
        }
        int space = authorization.indexOf(' ');
        if (space < 0) {
            return false;
        }
        String scheme = authorization.substring(0, space).toLowerCase(Locale.ROOT);
        String credentials = authorization.substring(space + 1).trim();
        if (scheme.equals("bearer") && bearerDigest != null) {
            return MessageDigest.isEqual(bearerDigest, digest(credentials));
        }
        if (scheme.equals("basic") && basicDigest != null) {
            String decoded;
            try {
                decoded = new String(Base64.getDecoder().decode(credentials), StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                return false;
            }
            return MessageDigest.isEqual(basicDigest, digest(decoded));
        }
        return false;
    }

    /** The WWW-Authenticate challenges for a 401, one per accepted scheme. */
    public List<String> challenges() {
        List<String> challenges = new ArrayList<>();
        if (bearerDigest != null) {
            challenges.add("Bearer " + REALM);
        }
        if (basicDigest != null) {
            challenges.add("Basic " + REALM + ", charset=\"UTF-8\"");
        }
        return challenges;
    }

    private static byte[] digest(String secret) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("this JVM has no SHA-256", e);
        }
    }
}
