package org.sluice.audit.proof;

import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import javax.sql.DataSource;

/** Reads single entries by index or event id. */
@ApplicationScoped
public class EntryRepository {

    private static final String COLUMNS = "idx, event_id, leaf_hash, entry, topic, partner";

    private final DataSource dataSource;

    public EntryRepository(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    public Optional<StoredEntry> byIndex(long index) {
        return one("SELECT " + COLUMNS + " FROM log_entry WHERE idx = ?", ps -> ps.setLong(1, index));
    }

    public Optional<StoredEntry> byEventId(String eventId) {
        return one("SELECT " + COLUMNS + " FROM log_entry WHERE event_id = ?", ps -> ps.setString(1, eventId));
    }

    private interface Binder {
        void bind(PreparedStatement ps) throws SQLException;
    }

    private Optional<StoredEntry> one(String sql, Binder binder) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement(sql)) {
            binder.bind(ps);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                return Optional.of(new StoredEntry(
                        rs.getLong(1),
                        rs.getString(2),
                        rs.getBytes(3),
                        rs.getBytes(4),
                        rs.getString(5),
                        rs.getString(6)));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the log", e);
        }
    }
}
