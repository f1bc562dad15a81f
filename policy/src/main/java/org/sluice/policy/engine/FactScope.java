package org.sluice.policy.engine;

import java.util.List;
import java.util.Map;

/**
 * The state of one compiled evaluation: facts built on first read (a decision that never reads the
 * licences never builds them), definitions evaluated on first read, and the variables of comprehensions.
 * Not thread-safe: one per evaluation.
 */
final class FactScope {

    /** The vocabulary in slot order. */
    static final List<String> NAMES = List.copyOf(Vocabulary.VARIABLES.keySet());

    private final DecisionInputs in;
    private final Map<String, List<String>> tables;
    private final Map<String, Long> thresholds;
    private final Object[] facts = new Object[NAMES.size()];
    private final JavaExpr[] definitionExprs;
    private final Object[] definitions;
    private final Object[] locals;
    private int iterations;

    FactScope(
            DecisionInputs in,
            Map<String, List<String>> tables,
            Map<String, Long> thresholds,
            JavaExpr[] definitionExprs,
            int localSlots) {
        this.in = in;
        this.tables = tables;
        this.thresholds = thresholds;
        this.definitionExprs = definitionExprs;
        this.definitions = new Object[definitionExprs.length];
        this.locals = new Object[localSlots];
    }

    /** The fact in this vocabulary slot (never Java null: CEL's null is {@code NullValue}). */
    Object fact(int slot) {
        Object v = facts[slot];
        if (v == null) {
            v = RecordFacts.value(NAMES.get(slot), in, tables, thresholds);
            facts[slot] = v;
        }
        return v;
    }

    /** The value of the i-th definition of the bundle, evaluated once. */
    Object definition(int i) {
        Object v = definitions[i];
        if (v == null) {
            v = definitionExprs[i].eval(this);
            definitions[i] = v;
        }
        return v;
    }

    Object local(int slot) {
        return locals[slot];
    }

    void setLocal(int slot, Object value) {
        locals[slot] = value;
    }

    /** Counts one comprehension step; beyond the interpreter's limit the interpreter reports it. */
    void iterate() {
        if (++iterations > CompiledBundle.MAX_ITERATIONS) {
            throw new JavaExpr.Fallback("more than " + CompiledBundle.MAX_ITERATIONS + " iterations");
        }
    }
}
