package medic.apply;

import medic.store.Jdbc;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.Optional;
import medic.apply.ApprovalOutcome.Approved;
import medic.apply.ApprovalOutcome.Reason;
import medic.apply.ApprovalOutcome.Refused;
import medic.store.Database;

/**
 * Turns one Approve click into at most one change: the approver must be allowed, must not be the requester
 * (four-eyes), the proposal must not have expired and the click must carry the sealed diff's hash. The winner is
 * decided by a compare-and-set in the database, so double clicks, replays and replicas yield one change.
 */
public final class Approvals {

    private final Jdbc jdbc;
    private final AuditLog audit;
    private final ApproverPolicy policy;
    private final ApprovalRules rules;

    public Approvals(Database database, AuditLog audit, ApproverPolicy policy, ApprovalRules rules) {
        this.jdbc = new Jdbc(database);
        this.audit = audit;
        this.policy = policy;
        this.rules = rules;
    }

    /**
     * Approves proposal {@code proposalId} as {@code approver}, whose button carried {@code diffSha256}. The
     * requester is the one sealed with the proposal, never one taken from the click.
     */
    public ApprovalOutcome approve(String proposalId, String approver, String diffSha256, Instant now) {
        Optional<SealedProposal> found = jdbc.with("read proposal " + proposalId,
                connection -> Proposals.find(connection, proposalId));
        if (found.isEmpty()) {
            audit.record(now, approver, "(unknown)", proposalId, null, diffSha256, "REFUSED",
                    Reason.UNKNOWN_PROPOSAL + ": no proposal " + proposalId);
            return new Refused(Reason.UNKNOWN_PROPOSAL, "There is no proposal " + proposalId
                    + " (it may belong to another medic installation).");
        }
        SealedProposal proposal = found.get();
        Optional<Refused> refused = check(proposal, approver, diffSha256, now);
        if (refused.isPresent()) {
            return refuse(proposal, approver, diffSha256, now, refused.get());
        }
        Optional<Long> changeId = jdbc.inTransaction("approve proposal " + proposalId, connection -> {
            if (!compareAndSet(connection, proposal, approver, now)) {
                return Optional.<Long>empty();
            }
            long id = createChange(connection, proposal, approver, now);
            audit.append(connection, now, approver, proposal.host(), proposal.id(), id, proposal.diffSha256(),
                    "APPROVED", "approved " + proposal.summary() + " requested by " + proposal.requester());
            return Optional.of(id);
        });
        if (changeId.isEmpty()) {
            SealedProposal winner = jdbc.with("read proposal " + proposalId,
                    connection -> Proposals.find(connection, proposalId)).orElseThrow();
            return refuse(proposal, approver, diffSha256, now, alreadyApproved(winner));
        }
        SealedProposal approved = new SealedProposal(proposal.id(), proposal.host(), proposal.requester(),
                proposal.summary(), proposal.diffSha256(), proposal.createdAt(), proposal.expiresAt(), proposal.files(),
                SealedProposal.ProposalState.APPROVED, approver, Jdbc.stored(now));
        return new Approved(changeId.get(), approved);
    }

    private Optional<Refused> check(SealedProposal proposal, String approver, String diffSha256, Instant now) {
        if (proposal.state() == SealedProposal.ProposalState.APPROVED) {
            return Optional.of(alreadyApproved(proposal));
        }
        Optional<String> notAllowed = policy.refusal(approver, proposal.host());
        if (notAllowed.isPresent()) {
            return Optional.of(new Refused(Reason.NOT_ALLOWED, notAllowed.get() + "; ask an approver for "
                    + proposal.host() + "."));
        }
        if (rules.fourEyes() && approver.equals(proposal.requester())) {
            return Optional.of(new Refused(Reason.SELF_APPROVAL, "You requested this change, so someone else must"
                    + " approve it (four-eyes rule)."));
        }
        if (!now.isBefore(proposal.expiresAt())) {
            return Optional.of(new Refused(Reason.EXPIRED, "This proposal expired at " + proposal.expiresAt()
                    + " (approvals are accepted for " + rules.ttl().toMinutes() + " min); run the diagnosis again"
                    + " for a fresh proposal."));
        }
        if (!proposal.diffSha256().equals(diffSha256)) {
            return Optional.of(new Refused(Reason.DIFF_MISMATCH, "The button does not match the diff sealed for"
                    + " this proposal (sha256 " + proposal.diffSha256().substring(0, 12) + "); approve from the"
                    + " latest message."));
        }
        return Optional.empty();
    }

    private static Refused alreadyApproved(SealedProposal proposal) {
        return new Refused(Reason.ALREADY_APPROVED, "Already approved by " + proposal.approver() + " at "
                + proposal.approvedAt() + "; it is applied once.");
    }

    private Refused refuse(SealedProposal proposal, String approver, String diffSha256, Instant now, Refused refused) {
        audit.record(now, approver, proposal.host(), proposal.id(), null, diffSha256, "REFUSED",
                refused.reason() + ": " + refused.message());
        return refused;
    }

    private static boolean compareAndSet(Connection connection, SealedProposal proposal, String approver, Instant now)
            throws SQLException {
        try (PreparedStatement update = connection.prepareStatement("UPDATE apply_proposals SET state = 'APPROVED',"
                + " approver = ?, approved_at = ? WHERE id = ? AND state = 'PROPOSED' AND diff_sha256 = ?")) {
            update.setString(1, approver);
            Jdbc.setInstant(update, 2, now);
            update.setString(3, proposal.id());
            update.setString(4, proposal.diffSha256());
            return update.executeUpdate() == 1;
        }
    }

    private static long createChange(Connection connection, SealedProposal proposal, String approver, Instant now)
            throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO apply_changes (proposal_id, host,"
                + " approver, state, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)",
                Statement.RETURN_GENERATED_KEYS)) {
            insert.setString(1, proposal.id());
            insert.setString(2, proposal.host());
            insert.setString(3, approver);
            insert.setString(4, ChangeState.APPROVED.name());
            Jdbc.setInstant(insert, 5, now);
            Jdbc.setInstant(insert, 6, now);
            insert.executeUpdate();
            try (ResultSet keys = insert.getGeneratedKeys()) {
                keys.next();
                return keys.getLong(1);
            }
        }
    }
}
