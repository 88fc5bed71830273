package medic.slack;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a button carries: the incident it acts on and, for Approve and Rollback, the sha256 of the exact
 * proposal or change it was shown with, so a click can only ever act on what the clicker saw.
 * Encoded as {@code incident=42;proposal=<64 hex>} (well inside Slack's 2,000-character value limit).
 */
public record ActionValue(long incidentId, String proposalSha256) {
    private static final Pattern FORMAT = Pattern.compile("incident=(\\d{1,18})(?:;proposal=([0-9a-f]{64}))?");

    public ActionValue {
        if (incidentId <= 0) {
            throw new IllegalArgumentException("incident id must be positive, got " + incidentId);
        }
        if (proposalSha256 != null && !proposalSha256.matches("[0-9a-f]{64}")) {
            throw new IllegalArgumentException("proposal hash must be 64 lowercase hex digits");
        }
    }

    public String encode() {
        return "incident=" + incidentId + (proposalSha256 == null ? "" : ";proposal=" + proposalSha256);
    }

    /** @throws IllegalArgumentException naming the value when it is not one medic wrote */
    public static ActionValue decode(String value) {
        Matcher matcher = value == null ? null : FORMAT.matcher(value);
        if (matcher == null || !matcher.matches()) {
            throw new IllegalArgumentException("not a medic button value: \"" + value + "\"");
        }
        return new ActionValue(Long.parseLong(matcher.group(1)), matcher.group(2));
    }
}
