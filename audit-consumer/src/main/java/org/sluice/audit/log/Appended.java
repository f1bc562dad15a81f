package org.sluice.audit.log;

/**
 * What one append did.
 *
 * @param appended entries added
 * @param duplicates events skipped because their id was already in the log (or twice in the batch)
 * @param treeSize the tree size afterwards
 */
public record Appended(int appended, int duplicates, long treeSize) {}
