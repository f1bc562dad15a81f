package org.sluice.audit.publicpage;

import java.time.Instant;
import java.util.List;

/**
 * The published criteria as the policy service serves them ({@code GET /api/v1/public/criteria},
 * docs/api/policy.md), read field by field: whatever else policy might one day add is not republished.
 *
 * @param active the bundle in force
 * @param rules every rule of it
 * @param history activations, newest first
 */
public record Criteria(Version active, List<Rule> rules, List<Version> history) {

    public Criteria {
        rules = rules == null ? List.of() : List.copyOf(rules);
        history = history == null ? List.of() : List.copyOf(history);
    }

    /**
     * @param id the rule id decisions cite
     * @param title its title
     * @param citation its legal basis
     * @param explanation what it means, in plain language
     */
    public record Rule(String id, String title, String citation, String explanation) {}

    /**
     * @param bundleId the bundle's id
     * @param version its version
     * @param digest its content digest
     * @param activatedAt when it came into force
     */
    public record Version(String bundleId, String version, String digest, Instant activatedAt) {}
}
