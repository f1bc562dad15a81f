package org.sluice.audit.log;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.sluice.events.json.RawEvent;
import org.sluice.transparency.merkle.CompactRange;
import org.sluice.transparency.merkle.Node;
import org.sluice.transparency.merkle.Rfc9162;

/**
 * Appends events to the Merkle log, each event id once. One transaction per batch: it locks the head
 * row (so appenders on several replicas take turns), skips ids the log already holds, gives the rest the
 * next leaf indices, stores the entries, the subtrees they complete and the new root, and commits. The
 * tree's right edge is kept between batches and reloaded whenever another appender moved the head.
 */
@ApplicationScoped
public class AuditLog {

    private final LogStore store;
    private final NodeStore nodes;
    private final Counter appended;
    private final Counter duplicates;
    private final AtomicLong treeSize = new AtomicLong();
    private CompactRange edge;

    public AuditLog(LogStore store, NodeStore nodes, MeterRegistry meters) {
        this.store = store;
        this.nodes = nodes;
        this.appended = Counter.builder("sluice.audit.appended")
                .description("events appended to the audit log")
                .register(meters);
        this.duplicates = Counter.builder("sluice.audit.duplicates")
                .description("redelivered events recognised by id and not appended again")
                .register(meters);
        meters.gauge("sluice.audit.tree.size", treeSize);
    }

    /** Appends the events not yet in the log, in the given order, and commits. */
    public synchronized Appended append(List<IncomingEvent> events) {
        Map<String, IncomingEvent> unique = new LinkedHashMap<>();
        for (IncomingEvent e : events) {
            unique.putIfAbsent(e.event().id(), e);
        }
        CompactRange[] grown = new CompactRange[1];
        Appended result = QuarkusTransaction.requiringNew().call(() -> {
            long size = store.lockHead();
            CompactRange range = edge != null && edge.size() == size
                    ? edge.copy()
                    : CompactRange.load(size, nodes.fetch(CompactRange.peakIds(size)));
            Set<String> known = unique.isEmpty() ? Set.of() : store.known(unique.keySet());
            List<LogEntry> entries = new ArrayList<>();
            List<Node> completed = new ArrayList<>();
            for (IncomingEvent e : unique.values()) {
                if (known.contains(e.event().id())) {
                    continue;
                }
                RawEvent event = e.event();
                byte[] leaf = Rfc9162.leafHash(event.canonical());
                long index = range.append(leaf, completed::add);
                entries.add(new LogEntry(index, event, leaf, e.topic(), Facets.of(event.data())));
            }
            if (!entries.isEmpty()) {
                store.append(entries, completed, range.size(), range.root());
            }
            grown[0] = range;
            return new Appended(entries.size(), events.size() - entries.size(), range.size());
        });
        edge = grown[0];
        treeSize.set(result.treeSize());
        appended.increment(result.appended());
        duplicates.increment(result.duplicates());
        return result;
    }
}
