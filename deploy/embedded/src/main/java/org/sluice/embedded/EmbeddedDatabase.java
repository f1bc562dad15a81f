package org.sluice.embedded;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Comparator;

/**
 * A real PostgreSQL server (zonky's packaged binaries). As root, zonky runs {@code initdb} and
 * {@code pg_ctl} under {@code unshare -U} by itself. Two kinds: a throwaway server in a fresh data
 * directory for tests ({@link #start}), removed again on close, and a durable one in a data directory
 * that is kept ({@link #open}): synchronous commit, fsync and full-page writes on, initialised only the
 * first time. A small watchdog process stops the server if this JVM dies without closing it (e.g.
 * {@code kill -9}); it removes the data only of a throwaway server.
 */
public final class EmbeddedDatabase implements AutoCloseable {

    /** User of the embedded server; it trusts local connections, so there is no password. */
    public static final String USER = "postgres";
    /** Database the services use. */
    public static final String DATABASE = "postgres";

    private final EmbeddedPostgres postgres;
    private final Path dataDir;
    private final boolean durable;
    private final Process watchdog;

    private EmbeddedDatabase(EmbeddedPostgres postgres, Path dataDir, boolean durable, Process watchdog) {
        this.postgres = postgres;
        this.dataDir = dataDir;
        this.durable = durable;
        this.watchdog = watchdog;
    }

    /** Starts a server with a fresh data directory under {@code parent} on a free port. */
    public static EmbeddedDatabase start(Path parent) {
        return start(parent, 0);
    }

    /** Starts a server with a fresh data directory under {@code parent}, on {@code port} (0 = any free one). */
    public static EmbeddedDatabase start(Path parent, int port) {
        try {
            Files.createDirectories(parent);
            Path dataDir = Files.createTempDirectory(parent, "pgdata-");
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                    .setDataDirectory(dataDir)
                    .setCleanDataDirectory(true)
                    .setServerConfig("max_connections", "300")
                    .setServerConfig("fsync", "on");
            if (port > 0) {
                builder.setPort(port);
            }
            EmbeddedPostgres postgres = builder.start();
            return new EmbeddedDatabase(postgres, dataDir, false, startWatchdog(dataDir, false));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the embedded PostgreSQL", e);
        }
    }

    /**
     * Starts a durable server on the data directory {@code dataDir}, creating the cluster there only when
     * it holds none yet; every committed transaction is on disk before the commit returns.
     *
     * @param port the port, 0 for any free one
     */
    public static EmbeddedDatabase open(Path dataDir, int port) {
        try {
            Files.createDirectories(dataDir);
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                    .setDataDirectory(dataDir)
                    .setCleanDataDirectory(false)
                    .setServerConfig("max_connections", "300")
                    .setServerConfig("fsync", "on")
                    .setServerConfig("synchronous_commit", "on")
                    .setServerConfig("full_page_writes", "on");
            if (port > 0) {
                builder.setPort(port);
            }
            EmbeddedPostgres postgres = builder.start();
            return new EmbeddedDatabase(postgres, dataDir, true, startWatchdog(dataDir, true));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the embedded PostgreSQL on " + dataDir, e);
        }
    }

    private static Process startWatchdog(Path dataDir, boolean keepData) throws IOException {
        String script = "while kill -0 \"$1\" 2>/dev/null; do sleep 1; done;"
                + " [ -f \"$2/postmaster.pid\" ] && kill -INT \"$(head -1 \"$2/postmaster.pid\")\" 2>/dev/null;"
                + (keepData ? "" : " sleep 1; rm -rf \"$2\"");
        return new ProcessBuilder(
                        "sh",
                        "-c",
                        script,
                        "sluice-pg-watchdog",
                        Long.toString(ProcessHandle.current().pid()),
                        dataDir.toString())
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
    }

    /** The server's port. */
    public int port() {
        return postgres.getPort();
    }

    /** JDBC URL of the services' database. */
    public String jdbcUrl() {
        return "jdbc:postgresql://127.0.0.1:" + port() + "/" + DATABASE;
    }

    /** JDBC URL whose connections default to {@code schema}. */
    public String jdbcUrl(String schema) {
        return jdbcUrl() + "?currentSchema=" + schema;
    }

    /** Runs SQL as the superuser, e.g. to create a schema. */
    public void execute(String sql) {
        try (Connection c = postgres.getPostgresDatabase().getConnection();
                Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("SQL failed: " + sql, e);
        }
    }

    /** Stops the server; deletes its data directory unless it is durable. */
    @Override
    public void close() {
        try {
            postgres.close();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot stop the embedded PostgreSQL", e);
        } finally {
            watchdog.destroy();
            if (!durable) {
                deleteQuietly(dataDir);
            }
        }
    }

    private static void deleteQuietly(Path dir) {
        try (var paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException | UncheckedIOException e) {
            // zonky already removes the data directory; this only sweeps what might remain
        }
    }
}
