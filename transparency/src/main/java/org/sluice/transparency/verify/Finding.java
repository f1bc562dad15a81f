package org.sluice.transparency.verify;

/**
 * Something wrong with a log.
 *
 * @param kind what is wrong
 * @param index the entry index it concerns (-1 when none)
 * @param position where it was read (line or row, -1 when none)
 * @param detail what was expected and what was found
 */
public record Finding(Kind kind, long index, long position, String detail) {

    /** The kinds of finding. */
    public enum Kind {
        /** The entry's bytes do not hash to its stored leaf hash, or its event id differs from the one stored. */
        ALTERED,
        /** An index below the log's size, or below a checkpoint's size, has no entry. */
        MISSING,
        /** An entry repeats an index or an event id already in the log. */
        INSERTED,
        /** An entry comes after one with a larger index. */
        REORDERED,
        /** The log as read does not give the root a signed checkpoint states. */
        ROOT_MISMATCH,
        /** A line or row that cannot be read as an entry. */
        MALFORMED,
        /** A checkpoint whose signature does not verify, or that is not consistent with an earlier one. */
        BAD_CHECKPOINT
    }

    @Override
    public String toString() {
        String where = position > 0 ? " (line " + position + ")" : "";
        String which = index >= 0 ? "entry " + index + " " : "";
        return kind + ": " + which + detail + where;
    }
}
