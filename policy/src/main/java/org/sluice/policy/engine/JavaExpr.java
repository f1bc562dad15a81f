package org.sluice.policy.engine;

/**
 * A checked CEL expression of a bundle translated into a tree of Java closures over one {@link FactScope}
 * (see {@link JavaExprCompiler}). It computes what the CEL interpreter computes whenever the interpreter
 * succeeds; on anything else (a CEL error, a type it does not handle, an overflow) it throws {@link
 * Fallback} and the decision is made by the interpreter instead, so errors keep CEL's exact semantics.
 */
@FunctionalInterface
interface JavaExpr {

    Object eval(FactScope scope);

    /** This evaluation leaves the compiled path: decide it with the CEL interpreter. */
    final class Fallback extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Fallback(String why) {
            // thrown on the fast path's edge cases only; no stack trace to fill
            super(why, null, false, false);
        }
    }
}
