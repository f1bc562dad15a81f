package org.sluice.audit.log;

import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.sluice.transparency.merkle.Node;
import org.sluice.transparency.merkle.NodeId;
import org.sluice.transparency.merkle.NodeSource;

/**
 * The stored hashes of complete subtrees: leaves (level 0) live in {@code log_entry}, interior nodes in
 * {@code merkle_node}. Reads fetch every node a proof needs in one round trip.
 */
@ApplicationScoped
public class NodeStore {

    private final DataSource dataSource;

    public NodeStore(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * The given nodes, fetched at once, as a source that answers for exactly those.
     *
     * @throws IllegalStateException when the store lacks one of them
     */
    public NodeSource fetch(Collection<NodeId> ids) {
        List<Long> leaves = new ArrayList<>();
        List<Short> levels = new ArrayList<>();
        List<Long> indices = new ArrayList<>();
        for (NodeId id : ids) {
            if (id.level() == 0) {
                leaves.add(id.index());
            } else {
                levels.add((short) id.level());
                indices.add(id.index());
            }
        }
        Map<NodeId, byte[]> found = new HashMap<>();
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("SELECT 0, idx, leaf_hash FROM log_entry WHERE idx = ANY (?)"
                        + " UNION ALL SELECT n.level, n.idx, n.hash FROM merkle_node n"
                        + " JOIN unnest(?::smallint[], ?::bigint[]) AS k (level, idx)"
                        + " ON n.level = k.level AND n.idx = k.idx")) {
            ps.setArray(1, c.createArrayOf("bigint", leaves.toArray()));
            ps.setArray(2, c.createArrayOf("smallint", levels.toArray()));
            ps.setArray(3, c.createArrayOf("bigint", indices.toArray()));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    found.put(new NodeId(rs.getInt(1), rs.getLong(2)), rs.getBytes(3));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read Merkle nodes", e);
        }
        return id -> {
            byte[] hash = found.get(id);
            if (hash == null) {
                throw new IllegalStateException(
                        "the log holds no node at level " + id.level() + ", index " + id.index());
            }
            return hash;
        };
    }

    /** Stores interior nodes (level 1 and up) within the caller's transaction. */
    void insert(Connection c, List<Node> nodes) throws SQLException {
        if (nodes.isEmpty()) {
            return;
        }
        Object[] levels = new Object[nodes.size()];
        Object[] indices = new Object[nodes.size()];
        byte[][] hashes = new byte[nodes.size()][];
        for (int i = 0; i < nodes.size(); i++) {
            levels[i] = (short) nodes.get(i).id().level();
            indices[i] = nodes.get(i).id().index();
            hashes[i] = nodes.get(i).hash();
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO merkle_node (level, idx, hash)"
                + " SELECT * FROM unnest(?::smallint[], ?::bigint[], ?::bytea[])")) {
            ps.setArray(1, c.createArrayOf("smallint", levels));
            ps.setArray(2, c.createArrayOf("bigint", indices));
            ps.setArray(3, c.createArrayOf("bytea", hashes));
            ps.executeUpdate();
        }
    }
}
