package org.sluice.bench.audit;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import org.flywaydb.core.Flyway;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;
import org.sluice.crypto.sign.SigningKey;
import org.sluice.embedded.EmbeddedDatabase;
import org.sluice.transparency.checkpoint.Checkpoint;
import org.sluice.transparency.checkpoint.SignedNote;
import org.sluice.transparency.merkle.CompactRange;
import org.sluice.transparency.merkle.Rfc9162;

/**
 * A log of {@code n} synthetic entries written straight into the audit schema (migrated by the service's
 * own Flyway scripts) with PostgreSQL COPY: leaves, every interior node, the head and one signed
 * checkpoint, exactly as the service would have stored them.
 */
final class LogFixture {

    static final String ORIGIN = "sluice.example/audit";
    private static final int CHUNK = 50_000;

    private LogFixture() {}

    /** Migrates the schema and fills it; returns the checkpoint signing key. */
    static SigningKey fill(EmbeddedDatabase db, int n) throws SQLException, IOException {
        Flyway.configure()
                .dataSource(db.jdbcUrl(), EmbeddedDatabase.USER, "")
                .schemas("audit")
                .locations("classpath:db/platform", "classpath:db/migration")
                .load()
                .migrate();
        CompactRange tree = CompactRange.empty();
        HexFormat hex = HexFormat.of();
        try (Connection c = DriverManager.getConnection(db.jdbcUrl(), EmbeddedDatabase.USER, "")) {
            CopyManager copy = c.unwrap(PGConnection.class).getCopyAPI();
            ByteArrayOutputStream entries = new ByteArrayOutputStream();
            ByteArrayOutputStream nodes = new ByteArrayOutputStream();
            for (int i = 0; i < n; i++) {
                String id = "00000000-0000-4000-8000-" + String.format(java.util.Locale.ROOT, "%012d", i);
                String transfer = "tr-bench-" + i;
                byte[] entry =
                        ("{\"actor\":\"anna@i-umcu\",\"actorinstitution\":\"i-umcu\",\"actorroles\":\"submitter\","
                                        + "\"data\":{\"institutionId\":\"i-umcu\",\"reason\":null,\"transferId\":\""
                                        + transfer + "\"},"
                                        + "\"datacontenttype\":\"application/json\",\"id\":\"" + id
                                        + "\",\"schemaversion\":1,"
                                        + "\"source\":\"/sluice/gateway\",\"specversion\":\"1.0\",\"subject\":\""
                                        + transfer + "\","
                                        + "\"time\":\"2026-11-23T10:15:30.123Z\",\"type\":\"TransferCancelled\"}")
                                .getBytes(StandardCharsets.UTF_8);
                byte[] leaf = Rfc9162.leafHash(entry);
                long index = tree.append(
                        leaf,
                        node -> nodes.writeBytes((node.id().level() + "\t"
                                        + node.id().index() + "\t\\\\x" + hex.formatHex(node.hash()) + "\n")
                                .getBytes(StandardCharsets.UTF_8)));
                entries.writeBytes(
                        (index + "\t" + id + "\t\\\\x" + hex.formatHex(leaf) + "\t\\\\x" + hex.formatHex(entry)
                                        + "\tTransferCancelled\t/sluice/gateway\t" + transfer
                                        + "\tanna@i-umcu\t2026-11-23T10:15:30.123Z"
                                        + "\tsluice.transfer.requested\t" + transfer + "\ti-umcu\n")
                                .getBytes(StandardCharsets.UTF_8));
                if ((i + 1) % CHUNK == 0 || i == n - 1) {
                    copy.copyIn(
                            "COPY audit.log_entry (idx, event_id, leaf_hash, entry, type, source, subject, actor,"
                                    + " event_time, topic, transfer_id, institution) FROM STDIN",
                            new ByteArrayInputStream(entries.toByteArray()));
                    copy.copyIn(
                            "COPY audit.merkle_node (level, idx, hash) FROM STDIN",
                            new ByteArrayInputStream(nodes.toByteArray()));
                    entries.reset();
                    nodes.reset();
                }
            }
            try (PreparedStatement ps = c.prepareStatement("UPDATE audit.log_head SET tree_size = ?, root_hash = ?")) {
                ps.setLong(1, n);
                ps.setBytes(2, tree.root());
                ps.executeUpdate();
            }
            SigningKey key = SigningKey.generate();
            Checkpoint checkpoint = new Checkpoint(ORIGIN, n, tree.root(), Instant.now());
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO audit.checkpoint (tree_size, root_hash, signed_at,"
                            + " key_id, note, previous_tree_size, consistency_proof) VALUES (?, ?, now(), ?, ?, 0, '{}')")) {
                ps.setLong(1, n);
                ps.setBytes(2, tree.root());
                ps.setString(3, key.keyId());
                ps.setString(4, SignedNote.sign(checkpoint, key));
                ps.executeUpdate();
            }
            c.createStatement().execute("ANALYZE audit.log_entry; ANALYZE audit.merkle_node");
            System.out.printf(
                    java.util.Locale.ROOT,
                    "filled %d entries, root %s%n",
                    n,
                    Base64.getEncoder().encodeToString(tree.root()));
            return key;
        }
    }
}
