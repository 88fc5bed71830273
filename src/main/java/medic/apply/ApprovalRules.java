package medic.apply;

import java.time.Duration;

/**
 * How approvals work: four-eyes (the requester may not approve their own proposal; on by default) and how long
 * a proposal stays approvable after it was shown (30 minutes by default).
 */
public record ApprovalRules(boolean fourEyes, Duration ttl) {
    public static final Duration DEFAULT_TTL = Duration.ofMinutes(30);

    public ApprovalRules {
        if (ttl.isNegative() || ttl.isZero()) {
            throw new IllegalArgumentException("approval ttl must be positive, not " + ttl);
        }
    }

    public static ApprovalRules defaults() {
        return new ApprovalRules(true, DEFAULT_TTL);
    }
}
