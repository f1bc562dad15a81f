package org.sluice.testsupport;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.nio.file.Path;
import java.util.Map;
import org.sluice.embedded.EmbeddedDatabase;

/**
 * Starts a real PostgreSQL server for a module's {@code @QuarkusTest}s and points the default datasource
 * at it. Each service selects its own schema with
 * {@code quarkus.datasource.jdbc.additional-jdbc-properties.currentSchema}.
 */
public class PostgresResource implements QuarkusTestResourceLifecycleManager {

    private static volatile String jdbcUrl;
    private EmbeddedDatabase database;

    @Override
    public Map<String, String> start() {
        database = EmbeddedDatabase.start(Path.of("target"));
        jdbcUrl = database.jdbcUrl();
        return Map.of(
                "quarkus.datasource.jdbc.url",
                jdbcUrl,
                "quarkus.datasource.username",
                EmbeddedDatabase.USER,
                "quarkus.datasource.password",
                "");
    }

    @Override
    public void stop() {
        if (database != null) {
            database.close();
        }
    }

    /** The running server's JDBC URL, for tests that inspect or tamper with rows directly. */
    public static String jdbcUrl() {
        if (jdbcUrl == null) {
            throw new IllegalStateException("PostgresResource has not started");
        }
        return jdbcUrl;
    }
}
