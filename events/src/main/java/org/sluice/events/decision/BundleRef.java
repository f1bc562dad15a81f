package org.sluice.events.decision;

/**
 * The policy bundle a decision was made under; with the recorded inputs it makes the decision replayable.
 *
 * @param id the bundle's id, e.g. {@code default}
 * @param version the bundle's version
 * @param digest {@code sha256:<hex>} content digest of the bundle
 */
public record BundleRef(String id, String version, String digest) {}
