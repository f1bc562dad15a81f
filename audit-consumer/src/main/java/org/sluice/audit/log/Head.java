package org.sluice.audit.log;

/**
 * The log's current tree.
 *
 * @param size number of entries
 * @param root RFC 9162 root hash over them
 */
public record Head(long size, byte[] root) {}
