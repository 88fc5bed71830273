package medic.nginx.redact;

/** The kinds of secret the redactor recognises; each masks as {@code <redacted:label>}. */
public enum SecretKind {
    PASSWORD("password"),
    SECRET("secret"),
    TOKEN("token"),
    API_KEY("api-key"),
    SESSION("session"),
    COOKIE("cookie"),
    SIGNATURE("signature"),
    AUTHORIZATION("authorization"),
    BASIC_AUTH("basic-auth"),
    BEARER_TOKEN("bearer-token"),
    URL_PASSWORD("url-password"),
    JWT("jwt"),
    PRIVATE_KEY("private-key"),
    PASSWORD_HASH("password-hash"),
    AWS_ACCESS_KEY_ID("aws-access-key-id"),
    AWS_SECRET_KEY("aws-secret-key"),
    GITHUB_TOKEN("github-token"),
    GITLAB_TOKEN("gitlab-token"),
    SLACK_TOKEN("slack-token"),
    WEBHOOK_URL("webhook-url"),
    STRIPE_KEY("stripe-key"),
    GOOGLE_API_KEY("google-api-key"),
    GOOGLE_OAUTH("google-oauth"),
    NPM_TOKEN("npm-token"),
    SENDGRID_KEY("sendgrid-key"),
    TWILIO_KEY("twilio-key"),
    AI_API_KEY("ai-api-key"),
    CLOUD_TOKEN("cloud-token");

    /** Every mask starts with this; detectors skip values that already do, which makes redaction idempotent. */
    public static final String MASK_PREFIX = "<redacted:";

    private final String label;

    SecretKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** The text that replaces a secret of this kind. */
    public String mask() {
        return MASK_PREFIX + label + ">";
    }
}
