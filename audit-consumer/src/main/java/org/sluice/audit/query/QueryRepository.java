package org.sluice.audit.query;

import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import javax.sql.DataSource;
import org.sluice.audit.log.FacetColumns;
import org.sluice.events.json.Json;

/** Runs queries over the indexed facets, in index order, as a page or as a stream. */
@ApplicationScoped
public class QueryRepository {

    private static final String COLUMNS =
            "idx, event_id, type, event_time, actor, source, " + FacetColumns.LIST + ", leaf_hash, entry";

    private final DataSource dataSource;

    public QueryRepository(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** One page: at most {@code query.limit()} entries after the cursor. */
    public List<QueriedEntry> page(EntryQuery query) {
        List<QueriedEntry> page = new ArrayList<>();
        try {
            run(query, true, page::add);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return page;
    }

    /** Every matching entry, one at a time, read through a server-side cursor. */
    public void stream(EntryQuery query, RowSink sink) throws IOException {
        run(query, false, sink);
    }

    /** Receives streamed entries. */
    @FunctionalInterface
    public interface RowSink {
        void accept(QueriedEntry entry) throws IOException;
    }

    private void run(EntryQuery q, boolean limited, RowSink sink) throws IOException {
        StringBuilder sql = new StringBuilder("SELECT ").append(COLUMNS).append(" FROM log_entry WHERE ");
        List<Object> args = new ArrayList<>();
        if (q.newestFirst()) {
            sql.append("idx < ?");
            args.add(q.after() < 0 ? Long.MAX_VALUE : q.after());
        } else {
            sql.append("idx > ?");
            args.add(q.after());
        }
        facet(sql, args, "transfer_id", q.transferId());
        facet(sql, args, "subject", q.subject());
        facet(sql, args, "actor", q.actor());
        facet(sql, args, "institution", q.institution());
        facet(sql, args, "partner", q.partner());
        facet(sql, args, "country", q.country());
        facet(sql, args, "outcome", q.outcome());
        facet(sql, args, "type", q.type());
        if (q.reasonCode() != null) {
            sql.append(" AND reason_codes @> ARRAY[?]::text[]");
            args.add(q.reasonCode());
        }
        if (q.from() != null) {
            sql.append(" AND event_time >= ?");
            args.add(Timestamp.from(q.from()));
        }
        if (q.to() != null) {
            sql.append(" AND event_time < ?");
            args.add(Timestamp.from(q.to()));
        }
        sql.append(q.newestFirst() ? " ORDER BY idx DESC" : " ORDER BY idx");
        if (limited) {
            sql.append(" LIMIT ").append(q.limit());
        }
        try (Connection c = dataSource.getConnection()) {
            boolean autoCommit = c.getAutoCommit();
            c.setAutoCommit(false); // lets the driver stream with a cursor
            try (PreparedStatement ps = c.prepareStatement(sql.toString())) {
                ps.setFetchSize(500);
                for (int i = 0; i < args.size(); i++) {
                    ps.setObject(i + 1, args.get(i));
                }
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        sink.accept(read(rs));
                    }
                }
            } finally {
                c.rollback();
                c.setAutoCommit(autoCommit);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot query the log", e);
        }
    }

    private static void facet(StringBuilder sql, List<Object> args, String column, String value) {
        if (value != null) {
            sql.append(" AND ").append(column).append(" = ?");
            args.add(value);
        }
    }

    private static QueriedEntry read(ResultSet rs) throws SQLException, IOException {
        return new QueriedEntry(
                rs.getLong(1),
                rs.getString(2),
                rs.getString(3),
                rs.getTimestamp(4).toInstant(),
                rs.getString(5),
                rs.getString(6),
                FacetColumns.read(rs, 7),
                Base64.getEncoder().encodeToString(rs.getBytes(14)),
                Json.mapper().readTree(rs.getBytes(15)));
    }
}
