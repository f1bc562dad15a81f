package org.sluice.transparency.verify;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.regex.Pattern;

/** The audit service's own tables, read in index order with a server-side cursor. */
final class DatabaseLog implements LogSource {

    private static final Pattern IDENTIFIER = Pattern.compile("[a-z_][a-z0-9_]*");

    private final String url;
    private final Properties credentials;
    private final String schema;

    DatabaseLog(String url, String user, String password, String schema) {
        if (!IDENTIFIER.matcher(schema).matches()) {
            throw new IllegalArgumentException("not a schema name: '" + schema + "'");
        }
        this.url = url;
        this.credentials = new Properties();
        if (user != null) {
            credentials.setProperty("user", user);
        }
        if (password != null) {
            credentials.setProperty("password", password);
        }
        this.schema = schema;
    }

    @Override
    public List<String> checkpointNotes() throws SQLException {
        List<String> notes = new ArrayList<>();
        try (Connection c = DriverManager.getConnection(url, credentials);
                PreparedStatement ps =
                        c.prepareStatement("SELECT note FROM " + schema + ".checkpoint ORDER BY tree_size");
                ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                notes.add(rs.getString(1));
            }
        }
        return notes;
    }

    @Override
    public void read(LogVerifier verifier) throws SQLException {
        try (Connection c = DriverManager.getConnection(url, credentials)) {
            c.setAutoCommit(false); // a cursor, not the whole table in memory
            c.setReadOnly(true);
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT idx, event_id, entry, leaf_hash FROM " + schema + ".log_entry ORDER BY idx")) {
                ps.setFetchSize(2_000);
                try (ResultSet rs = ps.executeQuery()) {
                    long row = 0;
                    while (rs.next()) {
                        verifier.accept(
                                new LogRecord(++row, rs.getLong(1), rs.getString(2), rs.getBytes(3), rs.getBytes(4)));
                    }
                }
            }
            c.rollback();
        }
    }
}
