package org.sluice.bench.policy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.sluice.events.transfer.EndUser;
import org.sluice.policy.bundle.BundleSource;
import org.sluice.policy.bundle.BundleVerifier;
import org.sluice.policy.engine.CompiledBundle;
import org.sluice.policy.engine.DecisionInputs;
import org.sluice.policy.engine.EngineResult;
import org.sluice.policy.engine.Facts;
import org.sluice.policy.screening.ScreeningCsv;
import org.sluice.policy.screening.ScreeningHit;
import org.sluice.policy.screening.ScreeningIndex;

/**
 * Latency of one decision with the default bundle: evaluation alone, and screening of the request's
 * parties against the 3,012-entry fixture list followed by evaluation. Baseline in the same run: building
 * the facts only (what every evaluation pays before the first rule).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class DecisionBench {

    private CompiledBundle bundle;
    private ScreeningIndex list;
    private DecisionInputs inputs;

    @Setup
    public void setUp() {
        bundle = BundleVerifier.verify(BundleSource.fromClasspath("bundles/default"), "NL");
        list = new ScreeningIndex(
                ScreeningCsv.parse("consolidated", PolicyWorld.read("screening/denied-parties.csv")),
                ScreeningIndex.Settings.DEFAULT);
        inputs = PolicyWorld.inputs(List.of());
        String outcome = bundle.evaluate(inputs).outcome().name();
        if (!outcome.equals("APPROVE")) {
            throw new IllegalStateException("the benchmark request must be approved, found " + outcome);
        }
    }

    @Benchmark
    public Map<String, Object> baselineFactsOnly() {
        return Facts.of(inputs, bundle.bundle().tables(), bundle.bundle().thresholds());
    }

    @Benchmark
    public EngineResult decideWithoutScreening() {
        return bundle.evaluate(inputs);
    }

    @Benchmark
    public EngineResult decideWithScreening() {
        List<ScreeningHit> hits = new ArrayList<>();
        screen(PolicyWorld.PARTNER.institution(), PolicyWorld.PARTNER.country(), "PARTNER", hits);
        for (EndUser u : PolicyWorld.REQUEST.endUsers()) {
            screen(u.name(), u.country(), "END_USER", hits);
            screen(u.organisation(), u.country(), "END_USER_ORGANISATION", hits);
        }
        return bundle.evaluate(PolicyWorld.inputs(hits));
    }

    private void screen(String name, String country, String role, List<ScreeningHit> hits) {
        for (ScreeningIndex.Hit h : list.screen(name, country)) {
            hits.add(h.asScreeningHit(name, role));
        }
    }
}
