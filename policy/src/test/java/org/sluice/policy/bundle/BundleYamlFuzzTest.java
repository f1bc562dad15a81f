package org.sluice.policy.bundle;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.sluice.policy.yaml.YamlException;

/**
 * Any text as each YAML file of a bundle in turn (the manifest, a table, a rule and a test file, the
 * others minimal and valid): loading answers a bundle or a {@link BundleRejectedException} listing the
 * problems, nothing else.
 */
class BundleYamlFuzzTest {
    private static final String MANIFEST = "id: fuzz\nversion: 1\n";
    private static final String RULES = "rules:\n  - {id: r, code: C, title: t, effect: DENY, override: NONE,"
            + " citation: c, when: 'true', explanation: e, remediation: m}\n";

    @FuzzTest(maxDuration = "10s")
    void loadsOrRejects(byte[] input) {
        String yaml = new String(input, StandardCharsets.UTF_8);
        load(Map.of(BundleLoader.MANIFEST, yaml, "rules/r.yaml", RULES));
        load(Map.of(BundleLoader.MANIFEST, MANIFEST, "tables/t.yaml", yaml, "rules/r.yaml", RULES));
        load(Map.of(BundleLoader.MANIFEST, MANIFEST, "rules/r.yaml", yaml));
        load(Map.of(BundleLoader.MANIFEST, MANIFEST, "rules/r.yaml", RULES, "tests/t.yaml", yaml));
    }

    private static void load(Map<String, String> files) {
        try {
            BundleLoader.load(new BundleSource(files), "NL");
        } catch (BundleRejectedException expected) {
            // every problem with its file and line
        } catch (YamlException e) {
            throw new AssertionError("a YAML problem escaped the bundle's problem list", e);
        }
    }
}
