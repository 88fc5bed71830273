package medic.apply;

/** What one Approve click achieved: the one change it created, or why it was refused (also audited). */
public sealed interface ApprovalOutcome {

    /** This click won: change {@code changeId} now waits to be applied. */
    record Approved(long changeId, SealedProposal proposal) implements ApprovalOutcome {
    }

    /** Refused; {@code message} is written for the person who clicked. */
    record Refused(Reason reason, String message) implements ApprovalOutcome {
    }

    enum Reason { UNKNOWN_PROPOSAL, NOT_ALLOWED, SELF_APPROVAL, EXPIRED, DIFF_MISMATCH, ALREADY_APPROVED }
}
