package org.sluice.policy.criteria;

import java.time.Instant;
import java.util.List;

/**
 * The criteria policy decides by, as published to everyone: the active bundle's rules in plain language
 * and the history of activations. Nothing else of a bundle (conditions, tables, thresholds, tests) and
 * nothing of who activated it.
 *
 * @param active the bundle in force
 * @param rules every rule of the active bundle, in the order decisions report them
 * @param history activations, newest first
 */
public record PublishedCriteria(BundleVersion active, List<PublishedRule> rules, List<BundleVersion> history) {

    /**
     * A rule as the public reads it.
     *
     * @param id the rule id decisions cite
     * @param title its title
     * @param citation its legal basis
     * @param explanation what it means, in plain language
     */
    public record PublishedRule(String id, String title, String citation, String explanation) {}

    /**
     * One activation of a bundle.
     *
     * @param bundleId the bundle's id
     * @param version its version
     * @param digest its content digest (every decision records it)
     * @param activatedAt when it came into force; null only for a bundle this replica has not yet seen recorded
     */
    public record BundleVersion(String bundleId, String version, String digest, Instant activatedAt) {}
}
