package org.sluice.events.policy;

import jakarta.annotation.Nullable;
import org.sluice.events.EventData;
import org.sluice.events.decision.BundleRef;

/**
 * A policy bundle became active after its test cases passed.
 *
 * @param bundle the bundle now active
 * @param previousDigest digest of the bundle it replaced, if any
 * @param rules number of rules in the bundle
 * @param testCases number of its test cases (all passed)
 */
public record PolicyBundleActivated(
        BundleRef bundle, @Nullable String previousDigest, int rules, int testCases) implements EventData {
    @Override
    public String subject() {
        return bundle.id();
    }
}
