package org.sluice.audit.proof;

import java.util.List;

/**
 * An RFC 9162 consistency proof.
 *
 * @param from the older size
 * @param to the newer size
 * @param fromRoot base64 root of the older tree
 * @param toRoot base64 root of the newer tree
 * @param proof base64 hashes
 */
public record ConsistencyProof(long from, long to, String fromRoot, String toRoot, List<String> proof) {}
