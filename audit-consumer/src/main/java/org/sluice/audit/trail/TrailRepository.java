package org.sluice.audit.trail;

import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.sluice.events.json.EventCodec;
import org.sluice.events.json.EventDecodingException;
import org.sluice.events.json.RawEvent;

/** Reads a transfer's entries in log order. */
@ApplicationScoped
public class TrailRepository {

    private final DataSource dataSource;
    private final EventCodec codec = new EventCodec();

    public TrailRepository(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** The entries of a transfer, oldest first; empty when the log knows nothing of it. */
    public List<TrailEntry> of(String transferId) {
        List<TrailEntry> entries = new ArrayList<>();
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps =
                        c.prepareStatement("SELECT idx, entry FROM log_entry WHERE transfer_id = ? ORDER BY idx")) {
            ps.setString(1, transferId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    RawEvent e = codec.decodeRaw(rs.getBytes(2));
                    entries.add(
                            new TrailEntry(rs.getLong(1), e.id(), e.type(), e.time(), e.actor(), e.source(), e.data()));
                }
            }
        } catch (SQLException | EventDecodingException e) {
            throw new IllegalStateException("cannot read the trail of " + transferId, e);
        }
        return entries;
    }
}
