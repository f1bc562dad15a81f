package org.sluice.platform.outbox;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.sluice.events.Event;
import org.sluice.events.json.EventCodec;

/**
 * The transactional outbox: an event added here is stored in the same database transaction as the state
 * change it announces, and published by the {@link OutboxRelay} once that transaction has committed.
 * So a change is never visible without its event, nor an event published for a change that rolled back.
 */
@ApplicationScoped
public class Outbox {

    private final DataSource dataSource;
    private final OutboxRelay relay;
    private final TransactionSynchronizationRegistry transactions;
    private final EventCodec codec = new EventCodec();

    public Outbox(DataSource dataSource, OutboxRelay relay, TransactionSynchronizationRegistry transactions) {
        this.dataSource = dataSource;
        this.relay = relay;
        this.transactions = transactions;
    }

    /**
     * Adds an event to the current transaction. Adding an event id twice stores it once.
     *
     * @throws jakarta.transaction.TransactionalException when no transaction is active
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void add(Event<?> event) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement insert = connection.prepareStatement(
                        "INSERT INTO outbox (event_id, topic, record_key, payload) VALUES (?, ?, ?, ?)"
                                + " ON CONFLICT (event_id) DO NOTHING")) {
            insert.setString(1, event.id());
            insert.setString(2, event.topic().topicName());
            insert.setString(3, event.subject());
            insert.setBytes(4, codec.encode(event));
            insert.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot store event " + event.id() + " in the outbox", e);
        }
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {}

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    relay.wakeUp();
                }
            }
        });
    }
}
