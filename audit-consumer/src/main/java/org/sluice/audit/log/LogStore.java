package org.sluice.audit.log;

import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javax.sql.DataSource;
import org.sluice.transparency.merkle.Node;

/** The SQL of appending: the head row, the entries and their nodes. Callers hold the transaction. */
@ApplicationScoped
public class LogStore {

    private final DataSource dataSource;
    private final NodeStore nodes;

    public LogStore(DataSource dataSource, NodeStore nodes) {
        this.dataSource = dataSource;
        this.nodes = nodes;
    }

    /** Locks the head row until the transaction ends and returns the tree size. */
    long lockHead() throws SQLException {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("SELECT tree_size FROM log_head WHERE id = 1 FOR UPDATE");
                ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** The committed head. */
    public Head head() {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("SELECT tree_size, root_hash FROM log_head WHERE id = 1");
                ResultSet rs = ps.executeQuery()) {
            rs.next();
            return new Head(rs.getLong(1), rs.getBytes(2));
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the log head", e);
        }
    }

    /** Which of these event ids the log already holds. */
    Set<String> known(Collection<String> eventIds) throws SQLException {
        Set<String> known = new HashSet<>();
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("SELECT event_id FROM log_entry WHERE event_id = ANY (?)")) {
            ps.setArray(1, c.createArrayOf("text", eventIds.toArray()));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    known.add(rs.getString(1));
                }
            }
        }
        return known;
    }

    /** Stores entries, the nodes they complete and the new head, in the caller's transaction. */
    void append(List<LogEntry> entries, List<Node> completed, long treeSize, byte[] root) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            insertEntries(c, entries);
            nodes.insert(c, completed);
            try (PreparedStatement ps = c.prepareStatement(
                    "UPDATE log_head SET tree_size = ?, root_hash = ?, updated_at = now() WHERE id = 1")) {
                ps.setLong(1, treeSize);
                ps.setBytes(2, root);
                ps.executeUpdate();
            }
        }
    }

    private static void insertEntries(Connection c, List<LogEntry> entries) throws SQLException {
        int n = entries.size();
        Object[] idx = new Object[n];
        Object[][] text = new Object[12][n];
        byte[][] leaf = new byte[n][];
        byte[][] entry = new byte[n][];
        Object[] time = new Object[n];
        for (int i = 0; i < n; i++) {
            LogEntry e = entries.get(i);
            Facets f = e.facets();
            idx[i] = e.index();
            leaf[i] = e.leafHash();
            entry[i] = e.event().canonical();
            time[i] = Timestamp.from(e.time());
            String[] values = {
                e.eventId(),
                e.event().type(),
                e.event().source(),
                e.event().subject(),
                e.event().actor().id(),
                e.topic(),
                f.transferId(),
                f.institution(),
                f.partner(),
                f.country(),
                f.outcome(),
                f.category()
            };
            for (int column = 0; column < values.length; column++) {
                text[column][i] = values[column];
            }
        }
        Object[] reasons = entries.stream()
                .map(e -> String.join(",", e.facets().reasonCodes()))
                .toArray();
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO log_entry (idx, leaf_hash, entry, event_time,"
                + " event_id, type, source, subject, actor, topic,"
                + " transfer_id, institution, partner, country, outcome, category, reason_codes)"
                + " SELECT idx, leaf, entry, time, event_id, type, source, subject, actor, topic,"
                + " transfer_id, institution, partner, country, outcome, category,"
                + " coalesce(string_to_array(nullif(reasons, ''), ','), '{}')"
                + " FROM unnest(?::bigint[], ?::bytea[], ?::bytea[], ?::timestamptz[],"
                + " ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[],"
                + " ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[])"
                + " AS r (idx, leaf, entry, time, event_id, type, source, subject, actor, topic,"
                + " transfer_id, institution, partner, country, outcome, category, reasons)")) {
            ps.setArray(1, c.createArrayOf("bigint", idx));
            ps.setArray(2, c.createArrayOf("bytea", leaf));
            ps.setArray(3, c.createArrayOf("bytea", entry));
            ps.setArray(4, c.createArrayOf("timestamptz", time));
            for (int column = 0; column < text.length; column++) {
                ps.setArray(5 + column, c.createArrayOf("text", text[column]));
            }
            ps.setArray(17, c.createArrayOf("text", reasons));
            ps.executeUpdate();
        }
    }
}
