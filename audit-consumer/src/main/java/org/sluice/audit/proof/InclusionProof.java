package org.sluice.audit.proof;

import java.util.List;

/**
 * An RFC 9162 inclusion proof.
 *
 * @param index the leaf index
 * @param treeSize the tree it is proven in
 * @param leafHash base64 leaf hash
 * @param rootHash base64 root of that tree
 * @param proof base64 audit path, leaf end first
 */
public record InclusionProof(long index, long treeSize, String leafHash, String rootHash, List<String> proof) {}
