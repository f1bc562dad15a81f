package org.sluice.platform.messaging;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import javax.sql.DataSource;
import org.sluice.platform.PlatformConfig;

/**
 * Remembers which events each consumer has applied, in the same transaction as the effect: a redelivered
 * event (after a crash before the offset commit, or a producer's retry) is recognised and skipped.
 */
@ApplicationScoped
public class Inbox {

    private final DataSource dataSource;
    private final Clock clock;
    private final PlatformConfig.ConsumerConfig config;

    public Inbox(DataSource dataSource, Clock clock, PlatformConfig config) {
        this.dataSource = dataSource;
        this.clock = clock;
        this.config = config.consumer();
    }

    /** Records the delivery; true the first time a consumer sees this event id, false afterwards. */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean firstDelivery(String consumer, String eventId) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement insert = c.prepareStatement(
                        "INSERT INTO inbox (consumer, event_id) VALUES (?, ?) ON CONFLICT DO NOTHING")) {
            insert.setString(1, consumer);
            insert.setString(2, eventId);
            return insert.executeUpdate() == 1;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot record delivery of " + eventId, e);
        }
    }

    /** Forgets deliveries older than the configured retention. */
    @Scheduled(every = "1h", delayed = "1m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    @Transactional
    void forgetOldDeliveries() throws SQLException {
        try (Connection c = dataSource.getConnection();
                PreparedStatement delete = c.prepareStatement("DELETE FROM inbox WHERE processed_at < ?")) {
            delete.setTimestamp(1, Timestamp.from(clock.instant().minus(config.inboxRetention())));
            delete.executeUpdate();
        }
    }
}
