package org.sluice.gateway.partner;

import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.sluice.gateway.StoredJson;

/** The partner registry table. */
@ApplicationScoped
public class PartnerRepository {

    private final DataSource dataSource;

    public PartnerRepository(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** A partner by id. */
    public Optional<PartnerEntry> find(String partnerId) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("SELECT entry FROM partners WHERE partner_id = ?")) {
            ps.setString(1, partnerId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(StoredJson.read(rs.getString(1), PartnerEntry.class)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read partner " + partnerId, e);
        }
    }

    /** Every partner, by id. */
    public List<PartnerEntry> list() {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("SELECT entry FROM partners ORDER BY partner_id");
                ResultSet rs = ps.executeQuery()) {
            List<PartnerEntry> entries = new ArrayList<>();
            while (rs.next()) {
                entries.add(StoredJson.read(rs.getString(1), PartnerEntry.class));
            }
            return entries;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot list partners", e);
        }
    }

    /** Inserts or replaces a partner's entry. */
    public void save(PartnerEntry entry, Instant at) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("INSERT INTO partners (partner_id, entry, updated_at)"
                        + " VALUES (?, ?::jsonb, ?) ON CONFLICT (partner_id)"
                        + " DO UPDATE SET entry = EXCLUDED.entry, updated_at = EXCLUDED.updated_at")) {
            ps.setString(1, entry.partnerId());
            ps.setString(2, StoredJson.write(entry));
            ps.setTimestamp(3, Timestamp.from(at));
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot store partner " + entry.partnerId(), e);
        }
    }

    /** Locks a partner's row (or its absence) for an upsert, so concurrent upserts publish in order. */
    public void lock(String partnerId) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("SELECT pg_advisory_xact_lock(hashtext(?))")) {
            ps.setString(1, "partner:" + partnerId);
            ps.execute();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot lock partner " + partnerId, e);
        }
    }
}
