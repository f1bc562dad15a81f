package org.sluice.transparency.merkle;

/**
 * A complete subtree and its hash.
 *
 * @param id which subtree
 * @param hash its RFC 9162 hash
 */
public record Node(NodeId id, byte[] hash) {}
