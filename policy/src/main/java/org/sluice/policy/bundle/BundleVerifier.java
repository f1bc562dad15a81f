package org.sluice.policy.bundle;

import java.util.ArrayList;
import java.util.List;
import org.sluice.events.decision.Reason;
import org.sluice.policy.engine.CompiledBundle;
import org.sluice.policy.engine.EngineResult;

/** Loads, compiles and tests a bundle: only a bundle that passes all three may become active. */
public final class BundleVerifier {

    private BundleVerifier() {}

    /**
     * A bundle ready to be activated.
     *
     * @param home the home jurisdiction its test cases run with
     * @throws BundleRejectedException every problem, with file and line
     */
    public static CompiledBundle verify(BundleSource source, String home) {
        CompiledBundle compiled = CompiledBundle.compile(BundleLoader.load(source, home));
        List<BundleProblem> failures = failures(compiled);
        if (!failures.isEmpty()) {
            throw new BundleRejectedException(failures);
        }
        return compiled;
    }

    /** The test cases that do not get their expected decision, one problem each. */
    public static List<BundleProblem> failures(CompiledBundle compiled) {
        List<BundleProblem> problems = new ArrayList<>();
        for (BundleTestCase t : compiled.bundle().tests()) {
            EngineResult result = compiled.evaluate(t.inputs());
            List<String> wrong = new ArrayList<>();
            if (result.outcome() != t.outcome()) {
                wrong.add("expected outcome " + t.outcome() + ", found " + result.outcome());
            }
            List<String> codes = result.codes();
            List<String> missing =
                    t.codes().stream().filter(c -> !codes.contains(c)).toList();
            if (!missing.isEmpty()) {
                wrong.add("expected codes " + missing + " missing from " + codes);
            }
            List<String> unwanted =
                    t.absentCodes().stream().filter(codes::contains).toList();
            if (!unwanted.isEmpty()) {
                wrong.add("codes " + unwanted + " must be absent");
            }
            List<String> ruleIds = result.reasons().stream().map(Reason::ruleId).toList();
            List<String> missingRules =
                    t.rules().stream().filter(r -> !ruleIds.contains(r)).toList();
            if (!missingRules.isEmpty()) {
                wrong.add("expected rules " + missingRules + " did not match");
            }
            result.reasons().stream()
                    .filter(r -> r.code().equals(CompiledBundle.RULE_FAILED))
                    .forEach(r -> wrong.add(r.explanation()));
            if (!wrong.isEmpty()) {
                problems.add(new BundleProblem(
                        t.file(), t.line(), "test case '" + t.name() + "' fails: " + String.join("; ", wrong)));
            }
        }
        return problems;
    }
}
