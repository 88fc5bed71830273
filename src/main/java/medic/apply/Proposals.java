package medic.apply;

import medic.store.Jdbc;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import medic.nginx.harden.FileChange;
import medic.nginx.harden.Proposal;
import medic.store.Database;

/**
 * Seals proposals when they are made: the host, each file's path with the hash of its current and new content,
 * and the hash of the whole unified diff, stored so an approval can only ever apply exactly what was shown.
 */
public final class Proposals {

    private final Jdbc jdbc;
    private final AuditLog audit;
    private final ApprovalRules rules;

    public Proposals(Database database, AuditLog audit, ApprovalRules rules) {
        this.jdbc = new Jdbc(database);
        this.audit = audit;
        this.rules = rules;
    }

    /** Stores {@code proposal} for {@code host} as asked by {@code requester}; the result's id goes on the buttons. */
    public SealedProposal seal(String host, Proposal proposal, String requester, Instant now) {
        if (proposal.isEmpty()) {
            throw new ApplyException("nothing to seal for " + host + ": the proposal changes no file");
        }
        List<SealedFile> files = new ArrayList<>();
        for (FileChange change : proposal.files()) {
            if (!change.path().startsWith("/")) {
                throw new ApplyException("cannot seal a proposal for " + host + ": file path " + change.path()
                        + " is not absolute");
            }
            files.add(new SealedFile(change.path(), Sha256.of(change.before()), Sha256.of(change.after()),
                    change.after().getBytes(StandardCharsets.UTF_8)));
        }
        Instant created = Jdbc.stored(now);
        SealedProposal sealed = new SealedProposal(UUID.randomUUID().toString(), host, requester, proposal.summary(),
                Sha256.of(proposal.unifiedDiff()), created, Jdbc.stored(now.plus(rules.ttl())), files,
                SealedProposal.ProposalState.PROPOSED, null, null);
        jdbc.inTransaction("seal a proposal for " + host, connection -> {
            insert(connection, sealed);
            audit.append(connection, created, requester, host, sealed.id(), null, sealed.diffSha256(), "PROPOSED",
                    sealed.summary() + "\n" + proposal.unifiedDiff());
            return null;
        });
        return sealed;
    }

    public Optional<SealedProposal> find(String proposalId) {
        return jdbc.with("read proposal " + proposalId, connection -> find(connection, proposalId));
    }

    static Optional<SealedProposal> find(Connection connection, String proposalId) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT id, host, requester, summary, diff_sha256,"
                + " created_at, expires_at, state, approver, approved_at FROM apply_proposals WHERE id = ?")) {
            select.setString(1, proposalId);
            try (ResultSet row = select.executeQuery()) {
                if (!row.next()) {
                    return Optional.empty();
                }
                return Optional.of(new SealedProposal(row.getString("id"), row.getString("host"),
                        row.getString("requester"), row.getString("summary"), row.getString("diff_sha256"),
                        Jdbc.getInstant(row, "created_at"), Jdbc.getInstant(row, "expires_at"),
                        files(connection, proposalId), SealedProposal.ProposalState.valueOf(row.getString("state")),
                        row.getString("approver"), Jdbc.getInstant(row, "approved_at")));
            }
        }
    }

    private static List<SealedFile> files(Connection connection, String proposalId) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT path, before_sha256, after_sha256,"
                + " after_content FROM apply_proposal_files WHERE proposal_id = ? ORDER BY file_index")) {
            select.setString(1, proposalId);
            try (ResultSet rows = select.executeQuery()) {
                List<SealedFile> files = new ArrayList<>();
                while (rows.next()) {
                    files.add(new SealedFile(rows.getString("path"), rows.getString("before_sha256"),
                            rows.getString("after_sha256"), rows.getBytes("after_content")));
                }
                return files;
            }
        }
    }

    private static void insert(Connection connection, SealedProposal sealed) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO apply_proposals (id, host, requester,"
                + " summary, diff_sha256, created_at, expires_at, state) VALUES (?, ?, ?, ?, ?, ?, ?, 'PROPOSED')")) {
            insert.setString(1, sealed.id());
            insert.setString(2, sealed.host());
            insert.setString(3, sealed.requester());
            insert.setString(4, sealed.summary());
            insert.setString(5, sealed.diffSha256());
            Jdbc.setInstant(insert, 6, sealed.createdAt());
            Jdbc.setInstant(insert, 7, sealed.expiresAt());
            insert.executeUpdate();
        }
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO apply_proposal_files (proposal_id,"
                + " file_index, path, before_sha256, after_sha256, after_content) VALUES (?, ?, ?, ?, ?, ?)")) {
            for (int i = 0; i < sealed.files().size(); i++) {
                SealedFile file = sealed.files().get(i);
                insert.setString(1, sealed.id());
                insert.setInt(2, i);
                insert.setString(3, file.path());
                insert.setString(4, file.beforeSha256());
                insert.setString(5, file.afterSha256());
                insert.setBytes(6, file.after());
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }
}
