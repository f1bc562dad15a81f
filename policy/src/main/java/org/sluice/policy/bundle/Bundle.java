package org.sluice.policy.bundle;

import java.util.List;
import java.util.Map;
import org.sluice.events.decision.BundleRef;

/**
 * A parsed bundle: its identity, data tables, derived facts, rules and test cases.
 *
 * @param id the bundle's id, e.g. {@code default}
 * @param version its version
 * @param title a human title
 * @param digest content digest of its files
 * @param tables named lists (country groups, category sets)
 * @param thresholds named whole numbers
 * @param definitions derived facts, in evaluation order
 * @param quotaCharges CEL {@code list(string)}: ids of the licences whose quota an approval consumes
 * @param rules the rules, in the order they are reported
 * @param tests the test cases
 * @param source the files it was read from
 */
public record Bundle(
        String id,
        String version,
        String title,
        String digest,
        Map<String, List<String>> tables,
        Map<String, Long> thresholds,
        List<Definition> definitions,
        String quotaCharges,
        List<Rule> rules,
        List<BundleTestCase> tests,
        BundleSource source) {

    /** The reference decisions record. */
    public BundleRef ref() {
        return new BundleRef(id, version, digest);
    }
}
