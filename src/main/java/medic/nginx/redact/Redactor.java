package medic.nginx.redact;

import java.util.Objects;

/**
 * Masks secrets in text before it leaves the process (Slack messages, reports, audit records, LLM prompts).
 *
 * <p>Pure and thread-safe: text in, {@link Redaction} out. Only the secret value is replaced, by
 * {@code <redacted:kind>}; directive names, header names, quotes, auth schemes, cookie names and line
 * breaks stay, so line numbers in findings remain valid. Redacting a redacted text changes nothing.
 * Variable references ({@code $http_authorization}) and paths to key files are not secrets and stay.
 */
public final class Redactor {

    /** For an nginx configuration or an {@code nginx -T} dump: structural rules plus every text rule. */
    public Redaction redactConfig(String nginxConfigText) {
        Objects.requireNonNull(nginxConfigText, "nginxConfigText must not be null");
        Edits edits = new Edits(nginxConfigText);
        collectShapes(nginxConfigText, edits);
        DirectiveSecrets.collect(nginxConfigText, false, edits);
        NamedValues.collect(nginxConfigText, edits);
        return edits.apply();
    }

    /** For error or access log lines: URLs, query strings, header echoes, tokens, assignments. */
    public Redaction redactLog(String errorLogText) {
        Objects.requireNonNull(errorLogText, "errorLogText must not be null");
        Edits edits = new Edits(errorLogText);
        collectShapes(errorLogText, edits);
        NamedValues.collect(errorLogText, edits);
        return edits.apply();
    }

    /**
     * For anything else (command output, {@code nginx -t} stderr, pasted snippets): the log rules, command-line
     * flags, and the configuration rules applied line by line, so unbalanced quotes in prose cannot derail them.
     */
    public Redaction redactText(String anyText) {
        Objects.requireNonNull(anyText, "anyText must not be null");
        Edits edits = new Edits(anyText);
        collectShapes(anyText, edits);
        DirectiveSecrets.collect(anyText, true, edits);
        NamedValues.collect(anyText, edits);
        CommandLines.collect(anyText, edits);
        return edits.apply();
    }

    /** Shapes first: where ranges coincide the first collected names the kind, and shapes know it best. */
    private static void collectShapes(String text, Edits edits) {
        PemBlocks.collect(text, edits);
        TokenShapes.collect(text, edits);
    }
}
