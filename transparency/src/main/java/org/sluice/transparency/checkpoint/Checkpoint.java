package org.sluice.transparency.checkpoint;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.Objects;
import org.sluice.transparency.merkle.Rfc9162;

/**
 * A tree head of the audit log in the C2SP tlog-checkpoint text form: the origin line, the tree size,
 * the base64 root hash, and one extension line {@code time <RFC 3339 instant>} so that the signed text
 * also fixes when the head was taken.
 *
 * <pre>
 * sluice.example/audit
 * 10000
 * 3q2+7w...=
 * time 2026-11-23T10:15:30.123Z
 * </pre>
 *
 * @param origin the log's identity, also the signing key's name
 * @param size number of leaves
 * @param rootHash RFC 9162 root hash of those leaves
 * @param time when the head was signed (millisecond precision)
 */
public record Checkpoint(String origin, long size, byte[] rootHash, Instant time) {

    private static final String TIME_PREFIX = "time ";

    public Checkpoint {
        Objects.requireNonNull(origin, "origin");
        Objects.requireNonNull(rootHash, "rootHash");
        Objects.requireNonNull(time, "time");
        if (origin.isEmpty() || origin.chars().anyMatch(c -> c <= ' ' || c == '+' || c > '~')) {
            throw new IllegalArgumentException(
                    "an origin is printable ASCII without spaces or '+', found '" + origin + "'");
        }
        if (size < 0) {
            throw new IllegalArgumentException("a tree size is not negative, found " + size);
        }
        if (rootHash.length != Rfc9162.HASH_SIZE) {
            throw new IllegalArgumentException(
                    "a root hash has " + Rfc9162.HASH_SIZE + " bytes, found " + rootHash.length);
        }
        rootHash = rootHash.clone();
        time = time.truncatedTo(ChronoUnit.MILLIS);
    }

    @Override
    public byte[] rootHash() {
        return rootHash.clone();
    }

    /** The root hash in base64, as the note writes it. */
    public String rootBase64() {
        return Base64.getEncoder().encodeToString(rootHash);
    }

    /** The note text: every line ends with a newline. */
    public String text() {
        return origin + "\n" + size + "\n" + rootBase64() + "\n" + TIME_PREFIX + time + "\n";
    }

    /**
     * Reads a note text.
     *
     * @throws CheckpointException naming the line that is malformed
     */
    public static Checkpoint parse(String text) throws CheckpointException {
        if (!text.endsWith("\n")) {
            throw new CheckpointException("a checkpoint text ends with a newline");
        }
        String[] lines = text.substring(0, text.length() - 1).split("\n", -1);
        if (lines.length < 4) {
            throw new CheckpointException(
                    "a checkpoint has origin, size, root hash and time lines, found " + lines.length + " lines");
        }
        long size;
        try {
            size = Long.parseLong(lines[1]);
        } catch (NumberFormatException e) {
            throw new CheckpointException("line 2 is not a tree size: '" + lines[1] + "'");
        }
        if (size < 0 || !Long.toString(size).equals(lines[1])) {
            throw new CheckpointException("line 2 is not a canonical decimal tree size: '" + lines[1] + "'");
        }
        byte[] root;
        try {
            root = Base64.getDecoder().decode(lines[2]);
        } catch (IllegalArgumentException e) {
            throw new CheckpointException("line 3 is not base64: '" + lines[2] + "'");
        }
        Instant time = null;
        for (int i = 3; i < lines.length; i++) {
            if (lines[i].startsWith(TIME_PREFIX)) {
                try {
                    time = Instant.parse(lines[i].substring(TIME_PREFIX.length()));
                } catch (DateTimeParseException e) {
                    throw new CheckpointException("line " + (i + 1) + " is not 'time <RFC 3339 instant>'");
                }
            }
        }
        if (time == null) {
            throw new CheckpointException("the checkpoint has no 'time' line");
        }
        try {
            return new Checkpoint(lines[0], size, root, time);
        } catch (IllegalArgumentException e) {
            throw new CheckpointException(e.getMessage());
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Checkpoint c && c.text().equals(text());
    }

    @Override
    public int hashCode() {
        return text().hashCode();
    }

    @Override
    public String toString() {
        return "Checkpoint[" + origin + ", size " + size + ", root " + rootBase64() + ", " + time + "]";
    }
}
