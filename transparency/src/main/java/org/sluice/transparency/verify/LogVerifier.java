package org.sluice.transparency.verify;

import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.sluice.transparency.checkpoint.Checkpoint;
import org.sluice.transparency.merkle.CompactRange;
import org.sluice.transparency.merkle.Rfc9162;

/**
 * Checks a log, read entry by entry in its stored order, against signed checkpoints: every entry hashes
 * to its stored leaf hash, indices run 0, 1, 2, ... without gap, repeat or reversal, no event id is
 * logged twice, and the tree of the first {@code n} entries has the root of the checkpoint of size
 * {@code n}. Memory stays small whatever the size: the tree's right edge, the indices seen and the event
 * ids. A pure class: the command feeds it from a database or an export.
 */
public final class LogVerifier {

    private final List<Checkpoint> checkpoints;
    private final List<Finding> findings = new ArrayList<>();
    private final CompactRange tree = CompactRange.empty();
    private final BitSet seen = new BitSet();
    private final Map<String, Long> eventIds = new HashMap<>();
    private int nextCheckpoint;
    private long lastIndex = -1;
    private long verifiedPrefix;
    private boolean rootMismatch;

    /** A verifier against these checkpoints (their signatures already verified). */
    public LogVerifier(List<Checkpoint> checkpoints) {
        this.checkpoints = checkpoints.stream()
                .sorted(Comparator.comparingLong(Checkpoint::size))
                .toList();
        skipEmptyCheckpoints();
    }

    /** Takes the next entry in the log's stored order. */
    public void accept(LogRecord record) {
        long index = record.index();
        byte[] leaf = Rfc9162.leafHash(record.entry());
        if (record.storedLeafHash() != null && !MessageDigest.isEqual(leaf, record.storedLeafHash())) {
            findings.add(new Finding(
                    Finding.Kind.ALTERED,
                    index,
                    record.position(),
                    "does not hash to its stored leaf hash: stored " + hex(record.storedLeafHash()) + ", computed "
                            + hex(leaf)));
        }
        String claimedId = EntryIds.of(record.entry());
        if (claimedId != null && !claimedId.equals(record.eventId())) {
            findings.add(new Finding(
                    Finding.Kind.ALTERED,
                    index,
                    record.position(),
                    "is stored under event id '" + record.eventId() + "' but its bytes carry '" + claimedId + "'"));
        }
        if (index < 0 || index > Integer.MAX_VALUE) {
            findings.add(new Finding(Finding.Kind.MALFORMED, index, record.position(), "has an impossible index"));
        } else if (seen.get((int) index)) {
            findings.add(new Finding(Finding.Kind.INSERTED, index, record.position(), "repeats an index already read"));
        } else {
            if (index < lastIndex) {
                findings.add(new Finding(
                        Finding.Kind.REORDERED, index, record.position(), "comes after entry " + lastIndex));
            }
            seen.set((int) index);
        }
        Long earlier = eventIds.putIfAbsent(record.eventId(), index);
        if (earlier != null) {
            findings.add(new Finding(
                    Finding.Kind.INSERTED,
                    index,
                    record.position(),
                    "repeats event " + record.eventId() + " already logged as entry " + earlier));
        }
        lastIndex = Math.max(lastIndex, index);
        tree.append(leaf, node -> {});
        checkRoot();
    }

    /** The findings, in the order of the entries they concern; empty when the log is intact. */
    public Report finish() {
        long size = tree.size();
        long expected = Math.max(
                lastIndex + 1,
                checkpoints.isEmpty()
                        ? 0
                        : checkpoints.get(checkpoints.size() - 1).size());
        for (int i = seen.nextClearBit(0); i < expected; i = seen.nextClearBit(i + 1)) {
            findings.add(new Finding(Finding.Kind.MISSING, i, -1, "is missing"));
        }
        for (int i = nextCheckpoint; i < checkpoints.size(); i++) {
            if (checkpoints.get(i).size() > size && !rootMismatch) {
                findings.add(new Finding(
                        Finding.Kind.MISSING,
                        size,
                        -1,
                        "and later entries are missing: the log holds " + size + " entries, a signed checkpoint "
                                + checkpoints.get(i).size()));
                break;
            }
        }
        List<Finding> sorted = new ArrayList<>(findings);
        sorted.sort(Comparator.comparingLong(f -> f.index() < 0 ? Long.MAX_VALUE : f.index()));
        return new Report(size, checkpoints.size(), verifiedPrefix, sorted);
    }

    /** Adds a finding made outside the entries (a malformed line, a bad checkpoint). */
    public void report(Finding finding) {
        findings.add(finding);
    }

    private void checkRoot() {
        while (nextCheckpoint < checkpoints.size()
                && checkpoints.get(nextCheckpoint).size() == tree.size()) {
            Checkpoint c = checkpoints.get(nextCheckpoint++);
            byte[] root = tree.root();
            if (MessageDigest.isEqual(root, c.rootHash())) {
                if (!rootMismatch) {
                    verifiedPrefix = c.size();
                }
            } else if (!rootMismatch) {
                rootMismatch = true;
                findings.add(new Finding(
                        Finding.Kind.ROOT_MISMATCH,
                        verifiedPrefix,
                        -1,
                        "or a later one up to entry " + (c.size() - 1) + " differs from what the checkpoint of size "
                                + c.size() + " signed: root " + hex(c.rootHash()) + ", computed " + hex(root)));
            }
        }
    }

    private void skipEmptyCheckpoints() {
        while (nextCheckpoint < checkpoints.size()
                && checkpoints.get(nextCheckpoint).size() == 0) {
            nextCheckpoint++;
        }
    }

    private static String hex(byte[] bytes) {
        return HexFormat.of().formatHex(bytes);
    }

    /**
     * The outcome of a verification.
     *
     * @param entries entries read
     * @param checkpoints checkpoints checked against
     * @param verifiedPrefix entries up to this size agree with a signed checkpoint
     * @param findings what is wrong, first entry first
     */
    public record Report(long entries, int checkpoints, long verifiedPrefix, List<Finding> findings) {
        /** Whether nothing is wrong. */
        public boolean intact() {
            return findings.isEmpty();
        }
    }
}
