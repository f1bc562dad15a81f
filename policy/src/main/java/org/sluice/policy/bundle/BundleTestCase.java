package org.sluice.policy.bundle;

import java.util.List;
import org.sluice.events.decision.Outcome;
import org.sluice.policy.engine.DecisionInputs;

/**
 * A test case of a bundle: inputs and the decision the bundle must reach before it may be activated.
 *
 * @param name the case's name
 * @param inputs the decision inputs it describes
 * @param outcome the expected outcome
 * @param codes codes that must be among the reasons
 * @param absentCodes codes that must not be
 * @param rules rule ids that must have matched
 * @param file the bundle file
 * @param line the line
 */
public record BundleTestCase(
        String name,
        DecisionInputs inputs,
        Outcome outcome,
        List<String> codes,
        List<String> absentCodes,
        List<String> rules,
        String file,
        int line) {}
