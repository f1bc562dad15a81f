package org.sluice.policy.bundle;

import java.util.List;

/** A bundle that does not load, compile or pass its own test cases; the active bundle stays in force. */
public class BundleRejectedException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final transient List<BundleProblem> problems;

    public BundleRejectedException(List<BundleProblem> problems) {
        super("bundle rejected: " + problems.size() + " problem(s), first " + problems.get(0));
        this.problems = List.copyOf(problems);
    }

    public List<BundleProblem> problems() {
        return problems;
    }
}
