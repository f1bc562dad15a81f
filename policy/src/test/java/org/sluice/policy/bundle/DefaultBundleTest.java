package org.sluice.policy.bundle;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.sluice.policy.engine.CompiledBundle;

class DefaultBundleTest {

    @Test
    void theBuiltInBundleCompilesAndPassesItsOwnTestCases() {
        CompiledBundle bundle = BundleVerifier.verify(BundleSource.fromClasspath("bundles/default"), "NL");

        assertThat(bundle.bundle().tests()).hasSizeGreaterThanOrEqualTo(15);
        assertThat(bundle.bundle().digest()).startsWith("sha256:");
        assertThat(bundle.bundle().tables().get("eea")).contains("NO");
    }
}
