package org.sluice.policy.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.sluice.events.decision.Reason;
import org.sluice.policy.bundle.BundleSource;
import org.sluice.policy.bundle.BundleTestCase;
import org.sluice.policy.bundle.BundleVerifier;
import org.sluice.policy.screening.ScreeningHit;

/**
 * The compiled path decides exactly as the CEL interpreter, reason for reason, evidence and conditions
 * included: on every test case of the default bundle, and on each of them with screening hits added,
 * years later (licences and agreements expired), and with the partner's history gone.
 */
class CompiledPathTest {

    private static final CompiledBundle BUNDLE =
            BundleVerifier.verify(BundleSource.fromClasspath("bundles/default"), "NL");

    record Variant(String name, DecisionInputs inputs) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Variant> variants() {
        List<Variant> out = new ArrayList<>();
        for (BundleTestCase t : BUNDLE.bundle().tests()) {
            DecisionInputs in = t.inputs();
            out.add(new Variant(t.name(), in));
            List<ScreeningHit> hits = new ArrayList<>(in.screening());
            hits.add(new ScreeningHit(
                    ScreeningHit.POSSIBLE,
                    "SYN-EU-29595",
                    "consolidated",
                    0.912,
                    "Chan Fan Fung",
                    "Chen Fanfeng",
                    "END_USER",
                    "romanisation variant"));
            out.add(new Variant(t.name() + ", with a possible hit", with(in, hits, in.evaluatedAt(), 5)));
            out.add(new Variant(
                    t.name() + ", six years later",
                    with(in, in.screening(), in.evaluatedAt().plus(Duration.ofDays(6 * 365)), 5)));
            out.add(new Variant(t.name() + ", first transfer", with(in, in.screening(), in.evaluatedAt(), 0)));
        }
        return out.stream();
    }

    private static DecisionInputs with(
            DecisionInputs in, List<ScreeningHit> hits, java.time.Instant at, long completedTransfers) {
        return new DecisionInputs(
                in.institutionId(),
                in.request(),
                at,
                in.home(),
                in.partner(),
                in.typicalTransferBytes(),
                completedTransfers,
                in.citedLicences(),
                in.generalLicences(),
                in.dsa(),
                in.emergencies(),
                hits);
    }

    @Test
    void theDefaultBundleRunsCompiled() {
        assertThat(BUNDLE.compiled()).isTrue();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("variants")
    void compiledAndInterpretedDecideAlike(Variant v) {
        EngineResult interpreted = BUNDLE.evaluateInterpreted(v.inputs());
        EngineResult compiled = BUNDLE.evaluateCompiled(v.inputs());

        assertThat(compiled).isEqualTo(interpreted);
        assertThat(compiled.reasons()).extracting(Reason::override).doesNotContainNull();
        assertThat(BUNDLE.evaluate(v.inputs())).isEqualTo(interpreted);
    }
}
