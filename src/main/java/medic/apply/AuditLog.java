package medic.apply;

import medic.store.Jdbc;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import medic.nginx.redact.Redactor;
import medic.store.Database;

/**
 * The append-only record of every approval and apply state change: inserted, never updated; queried per host
 * for {@code /medic history} and exported as JSON lines. Details pass through the {@link Redactor} first.
 */
public final class AuditLog {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String COLUMNS = "id, occurred_at, actor, host, proposal_id, change_id, diff_sha256, event, detail";

    private final Jdbc jdbc;
    private final Redactor redactor = new Redactor();

    public AuditLog(Database database) {
        this.jdbc = new Jdbc(database);
    }

    /** Appends one event; {@code detail} is redacted before it is stored. */
    public void record(Instant at, String actor, String host, String proposalId, Long changeId, String diffSha256,
            String event, String detail) {
        jdbc.with("record audit event " + event + " on " + host, connection -> {
            append(connection, at, actor, host, proposalId, changeId, diffSha256, event, detail);
            return null;
        });
    }

    /** Appends inside the caller's transaction, so a state change and its record commit together. */
    void append(Connection connection, Instant at, String actor, String host, String proposalId, Long changeId,
            String diffSha256, String event, String detail) throws SQLException {
        String sql = "INSERT INTO apply_audit (occurred_at, actor, host, proposal_id, change_id, diff_sha256, event, detail)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?)";
        try (PreparedStatement insert = connection.prepareStatement(sql)) {
            Jdbc.setInstant(insert, 1, at);
            insert.setString(2, clip(actor, 200));
            insert.setString(3, host);
            insert.setString(4, proposalId);
            Jdbc.setNullableLong(insert, 5, changeId);
            insert.setString(6, diffSha256);
            insert.setString(7, event);
            insert.setString(8, redactor.redactText(detail == null ? "" : detail).text());
            insert.executeUpdate();
        }
    }

    /** The newest {@code limit} events of a host, newest first. */
    public List<AuditEvent> forHost(String host, int limit) {
        return jdbc.with("read the audit of " + host, connection -> query(connection,
                "SELECT " + COLUMNS + " FROM apply_audit WHERE host = ? ORDER BY id DESC", host, limit));
    }

    /** Every event of a change, oldest first. */
    public List<AuditEvent> forChange(long changeId) {
        return jdbc.with("read the audit of change " + changeId, connection -> query(connection,
                "SELECT " + COLUMNS + " FROM apply_audit WHERE change_id = ? ORDER BY id", changeId, Integer.MAX_VALUE));
    }

    /** Every event of a proposal (refusals included), oldest first. */
    public List<AuditEvent> forProposal(String proposalId) {
        return jdbc.with("read the audit of proposal " + proposalId, connection -> query(connection,
                "SELECT " + COLUMNS + " FROM apply_audit WHERE proposal_id = ? ORDER BY id", proposalId,
                Integer.MAX_VALUE));
    }

    /** Writes every event, oldest first, one JSON object per line; returns how many. */
    public long exportJsonLines(Writer out) {
        return jdbc.with("export the audit", connection -> {
            long count = 0;
            try (PreparedStatement select = connection.prepareStatement("SELECT " + COLUMNS
                    + " FROM apply_audit ORDER BY id"); ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    out.write(toJson(event(rows)));
                    out.write('\n');
                    count++;
                }
                out.flush();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write the audit export", e);
            }
            return count;
        });
    }

    /** One event as a single-line JSON object. */
    public static String toJson(AuditEvent event) {
        ObjectNode node = JSON.createObjectNode();
        node.put("id", event.id());
        node.put("at", event.at().toString());
        node.put("actor", event.actor());
        node.put("host", event.host());
        node.put("proposal_id", event.proposalId());
        if (event.changeId() == null) {
            node.putNull("change_id");
        } else {
            node.put("change_id", event.changeId());
        }
        node.put("diff_sha256", event.diffSha256());
        node.put("event", event.event());
        node.put("detail", event.detail());
        try {
            return JSON.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a tree of strings always serialises", e);
        }
    }

    private static List<AuditEvent> query(Connection connection, String sql, Object key, int limit)
            throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(sql)) {
            select.setObject(1, key);
            select.setMaxRows(limit);
            try (ResultSet rows = select.executeQuery()) {
                List<AuditEvent> events = new ArrayList<>();
                while (rows.next()) {
                    events.add(event(rows));
                }
                return events;
            }
        }
    }

    private static AuditEvent event(ResultSet row) throws SQLException {
        return new AuditEvent(row.getLong("id"), Jdbc.getInstant(row, "occurred_at"), row.getString("actor"),
                row.getString("host"), row.getString("proposal_id"), Jdbc.getNullableLong(row, "change_id"),
                row.getString("diff_sha256"), row.getString("event"), row.getString("detail"));
    }

    private static String clip(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max);
    }
}
