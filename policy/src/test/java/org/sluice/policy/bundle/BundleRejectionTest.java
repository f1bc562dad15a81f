package org.sluice.policy.bundle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.sluice.policy.engine.CompiledBundle;
import org.sluice.policy.engine.DecisionInputs;

/** A bundle that is not valid YAML, CEL, typed, or that fails its own tests is rejected with file and line. */
class BundleRejectionTest {

    private static final BundleSource DEFAULT = BundleSource.fromClasspath("bundles/default");

    private static final String RULE = """
            rules:
              - id: extra.rule
                code: EXTRA
                title: Extra rule
                effect: REVIEW
                citation: none
                when: %s
                explanation: x
                remediation: y
                override: ONE_REVIEWER
            """;

    @Test
    void aYamlErrorNamesItsFileAndLine() {
        assertThat(problems(Map.of("rules/extra.yaml", "rules:\n  - id: a\n    when: [unclosed\n")))
                .singleElement()
                .satisfies(p -> {
                    assertThat(p.file()).isEqualTo("rules/extra.yaml");
                    assertThat(p.line()).isEqualTo(4);
                    assertThat(p.reason()).startsWith("YAML syntax error");
                });
    }

    @Test
    void aCelSyntaxErrorNamesTheRuleAndLine() {
        assertThat(problems(Map.of("rules/extra.yaml", RULE.replace("%s", "\"countries.exists(c, c in\""))))
                .singleElement()
                .satisfies(p -> {
                    assertThat(p.file()).isEqualTo("rules/extra.yaml");
                    assertThat(p.line()).isEqualTo(7);
                    assertThat(p.reason()).contains("rule 'extra.rule' 'when': syntax error");
                });
    }

    @Test
    void aTypeErrorIsRejected() {
        assertThat(problems(Map.of("rules/extra.yaml", RULE.replace("%s", "\"subjects > '100'\""))))
                .singleElement()
                .satisfies(p -> assertThat(p.reason()).contains("type error").contains("no matching overload"));
        assertThat(problems(Map.of("rules/extra.yaml", RULE.replace("%s", "\"subjects + 1\""))))
                .singleElement()
                .satisfies(p -> assertThat(p.reason()).contains("must be bool, found int"));
    }

    @Test
    void anUnknownFunctionOrNameIsRejected() {
        assertThat(problems(Map.of("rules/extra.yaml", RULE.replace("%s", "\"isSanctioned(partner.id)\""))))
                .singleElement()
                .satisfies(p -> assertThat(p.reason()).contains("undeclared reference to 'isSanctioned'"));
        assertThat(problems(Map.of("rules/extra.yaml", RULE.replace("%s", "\"recipient.known\""))))
                .singleElement()
                .satisfies(p -> assertThat(p.reason()).contains("undeclared reference to 'recipient'"));
    }

    @Test
    void aFailingTestCaseIsRejected() {
        String embargoEverything = DEFAULT.files()
                .get("tables/country-groups.yaml")
                .replace("embargoed: [BY, IR, KP, RU, SY]", "embargoed: [BY, IR, KP, RU, SY, DE]");
        List<BundleProblem> problems = problems(Map.of("tables/country-groups.yaml", embargoEverything));
        assertThat(problems).isNotEmpty();
        assertThat(problems.get(0).file()).isEqualTo("tests/cases.yaml");
        assertThat(problems.get(0).line()).isGreaterThan(0);
        assertThat(problems.get(0).reason()).contains("expected outcome APPROVE, found DENY");
    }

    @Test
    void aRuleWithoutAnOverrideClassIsRejected() {
        String noOverride = RULE.replace("%s", "\"true\"").replace("    override: ONE_REVIEWER\n", "");
        assertThat(problems(Map.of("rules/extra.yaml", noOverride)))
                .singleElement()
                .satisfies(p -> {
                    assertThat(p.file()).isEqualTo("rules/extra.yaml");
                    assertThat(p.line()).isEqualTo(2);
                    assertThat(p.reason())
                            .contains("rule 'extra.rule' has no 'override'")
                            .contains("NONE, FOUR_EYES or ONE_REVIEWER");
                });
        String unknown = RULE.replace("%s", "\"true\"").replace("override: ONE_REVIEWER", "override: ANYONE");
        assertThat(problems(Map.of("rules/extra.yaml", unknown)))
                .singleElement()
                .satisfies(p -> assertThat(p.reason()).contains("override 'ANYONE'"));
    }

    @Test
    void oneCodeWithTwoOverrideClassesIsRejected() {
        // a second embargo rule that would let one reviewer lift what the first makes a hard stop
        String lenient = RULE.replace("%s", "\"false\"")
                .replace("code: EXTRA", "code: EMBARGOED_DESTINATION")
                .replace("effect: REVIEW", "effect: DENY");
        assertThat(problems(Map.of("rules/extra.yaml", lenient)))
                .singleElement()
                .satisfies(p -> {
                    assertThat(p.file()).isEqualTo("rules/extra.yaml");
                    assertThat(p.reason())
                            .contains("code EMBARGOED_DESTINATION override ONE_REVIEWER")
                            .contains("rule 'destination.embargo'")
                            .contains("gives it NONE");
                });
        String failedCode =
                RULE.replace("%s", "\"false\"").replace("code: EXTRA", "code: " + CompiledBundle.RULE_FAILED);
        assertThat(problems(Map.of("rules/extra.yaml", failedCode)))
                .singleElement()
                .satisfies(p -> assertThat(p.reason()).contains("the engine gives it FOUR_EYES"));
    }

    @Test
    void everyReasonOfTheDefaultBundleCarriesItsRulesClass() {
        CompiledBundle compiled = BundleVerifier.verify(DEFAULT, "NL");
        for (BundleTestCase t : compiled.bundle().tests()) {
            compiled.evaluate(t.inputs())
                    .reasons()
                    .forEach(r -> assertThat(r.override())
                            .as(r.code())
                            .isNotNull()
                            .isEqualTo(compiled.bundle().rules().stream()
                                    .filter(rule -> rule.id().equals(r.ruleId()))
                                    .findFirst()
                                    .orElseThrow()
                                    .override()));
        }
        assertThat(compiled.bundle().rules())
                .filteredOn(r ->
                        r.code().equals("EMBARGOED_DESTINATION") || r.code().equals("DENIED_PARTY"))
                .allMatch(r -> r.override() == org.sluice.events.decision.OverrideClass.NONE);
        assertThat(compiled.bundle().rules())
                .filteredOn(r -> r.code().equals("POSSIBLE_DENIED_PARTY"))
                .allMatch(r -> r.override() == org.sluice.events.decision.OverrideClass.FOUR_EYES);
    }

    @Test
    void aRulePastItsSunsetStopsApplying() {
        String sunset = RULE.replace("%s", "\"true\"") + "    validUntil: 2026-06-30\n";
        CompiledBundle compiled =
                CompiledBundle.compile(BundleLoader.load(with(Map.of("rules/extra.yaml", sunset)), "NL"));
        DecisionInputs before = withDate(compiled.bundle().tests().get(0).inputs(), "2026-06-30T12:00:00Z");
        DecisionInputs after = withDate(before, "2026-07-01T00:00:00Z");

        assertThat(compiled.evaluate(before).codes()).contains("EXTRA");
        assertThat(compiled.evaluate(after).codes()).doesNotContain("EXTRA");
        assertThat(compiled.evaluate(after).notMatched())
                .noneMatch(r -> r.ruleId().equals("extra.rule"));
    }

    private static List<BundleProblem> problems(Map<String, String> changes) {
        try {
            BundleVerifier.verify(with(changes), "NL");
        } catch (BundleRejectedException e) {
            return e.problems();
        }
        throw new AssertionError("the bundle was accepted");
    }

    private static BundleSource with(Map<String, String> changes) {
        Map<String, String> files = new HashMap<>(DEFAULT.files());
        files.putAll(changes);
        return new BundleSource(files);
    }

    private static DecisionInputs withDate(DecisionInputs in, String instant) {
        return new DecisionInputs(
                in.institutionId(),
                in.request(),
                Instant.parse(instant),
                in.home(),
                in.partner(),
                in.typicalTransferBytes(),
                in.completedTransfersToPartner(),
                in.citedLicences(),
                in.generalLicences(),
                in.dsa(),
                in.emergencies(),
                in.screening());
    }

    @Test
    void aDifferentFileGivesADifferentDigest() {
        assertThat(with(Map.of("rules/extra.yaml", RULE.replace("%s", "\"true\"")))
                        .digest())
                .isNotEqualTo(DEFAULT.digest());
        assertThatThrownBy(() -> BundleLoader.load(new BundleSource(Map.of("rules/a.yaml", "rules: []")), "NL"))
                .isInstanceOf(BundleRejectedException.class)
                .hasMessageContaining("bundle.yaml");
    }
}
