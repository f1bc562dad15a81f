package org.sluice.policy.engine;

import dev.cel.common.CelAbstractSyntaxTree;
import dev.cel.common.CelIssue;
import dev.cel.common.CelOptions;
import dev.cel.common.CelValidationException;
import dev.cel.common.CelValidationResult;
import dev.cel.common.types.CelKind;
import dev.cel.common.types.CelType;
import dev.cel.common.types.ListType;
import dev.cel.common.types.SimpleType;
import dev.cel.compiler.CelCompiler;
import dev.cel.compiler.CelCompilerFactory;
import dev.cel.parser.CelStandardMacro;
import dev.cel.runtime.CelEvaluationException;
import dev.cel.runtime.CelRuntime;
import dev.cel.runtime.CelRuntimeFactory;
import dev.cel.runtime.CelVariableResolver;
import dev.cel.runtime.Program;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.sluice.events.decision.Condition;
import org.sluice.events.decision.Evidence;
import org.sluice.events.decision.Outcome;
import org.sluice.events.decision.OverrideClass;
import org.sluice.events.decision.Reason;
import org.sluice.events.decision.RuleRef;
import org.sluice.policy.bundle.Bundle;
import org.sluice.policy.bundle.BundleLoader;
import org.sluice.policy.bundle.BundleProblem;
import org.sluice.policy.bundle.BundleRejectedException;
import org.sluice.policy.bundle.Definition;
import org.sluice.policy.bundle.Rule;

/**
 * A bundle whose CEL expressions are parsed and type-checked against the {@link Vocabulary}, ready to
 * evaluate. Thread-safe and immutable. A rule that fails at run time does not fail open: it adds a
 * {@value #RULE_FAILED} reason that sends the request to review.
 */
public final class CompiledBundle {

    /** Code of the reason added when a rule cannot be evaluated. */
    public static final String RULE_FAILED = "RULE_EVALUATION_FAILED";

    /** Who may approve against a rule that failed: what it would have found is unknown, so four eyes. */
    public static final OverrideClass RULE_FAILED_OVERRIDE = OverrideClass.FOUR_EYES;

    /** Most iterations one comprehension ({@code all}, {@code exists}, {@code filter}, {@code map}) may take. */
    public static final int MAX_ITERATIONS = 100_000;

    private static final CelOptions OPTIONS = CelOptions.current()
            .comprehensionMaxIterations(MAX_ITERATIONS)
            // what the planner runtime requires
            .enableUnsignedLongs(true)
            .enableTimestampEpoch(true)
            .enableHeterogeneousNumericComparisons(true)
            .build();
    private static final CelRuntime RUNTIME =
            CelRuntimeFactory.standardCelRuntimeBuilder().setOptions(OPTIONS).build();

    private final Bundle bundle;
    private final List<NamedProgram> definitions;
    private final Program quotaCharges;
    private final List<CompiledRule> rules;
    private final JavaPath fast;

    private record NamedProgram(String name, Program program) {}

    /** One rule's programs, with the reference a decision lists it by when it does not match (built once). */
    private record CompiledRule(
            Rule rule, RuleRef ref, Program when, Program evidence, Program due, Program reference) {}

    /** The same expressions as Java closures, in the same order; absent when one is not compilable. */
    private record JavaPath(JavaExpr[] definitions, JavaExpr quotaCharges, List<JavaRule> rules, int localSlots) {}

    private record JavaRule(JavaExpr when, JavaExpr evidence, JavaExpr due, JavaExpr reference) {}

    private CompiledBundle(
            Bundle bundle,
            List<NamedProgram> definitions,
            Program quotaCharges,
            List<CompiledRule> rules,
            JavaPath fast) {
        this.bundle = bundle;
        this.definitions = definitions;
        this.quotaCharges = quotaCharges;
        this.rules = rules;
        this.fast = fast;
    }

    /**
     * Compiles every expression of the bundle.
     *
     * @throws BundleRejectedException every syntax error, type error and unknown name, with file and line
     */
    public static CompiledBundle compile(Bundle bundle) {
        List<BundleProblem> problems = new ArrayList<>();
        CelCompiler compiler = baseCompiler();
        List<NamedProgram> definitions = new ArrayList<>();
        List<CelAbstractSyntaxTree> definitionAsts = new ArrayList<>();
        for (Definition d : bundle.definitions()) {
            CelAbstractSyntaxTree ast =
                    check(compiler, d.expr(), null, d.file(), d.line(), "definition '" + d.name() + "'", problems);
            if (ast != null) {
                definitions.add(new NamedProgram(d.name(), program(ast)));
                definitionAsts.add(ast);
                compiler = compiler.toCompilerBuilder()
                        .addVar(d.name(), ast.getResultType())
                        .build();
            } else {
                compiler = compiler.toCompilerBuilder()
                        .addVar(d.name(), SimpleType.DYN)
                        .build();
            }
        }
        CelAbstractSyntaxTree chargesAst = check(
                compiler,
                bundle.quotaCharges(),
                ListType.create(SimpleType.STRING),
                BundleLoader.MANIFEST,
                0,
                "quotaCharges",
                problems);
        List<CompiledRule> rules = new ArrayList<>();
        List<CelAbstractSyntaxTree[]> ruleAsts = new ArrayList<>();
        for (Rule r : bundle.rules()) {
            String what = "rule '" + r.id() + "'";
            CelAbstractSyntaxTree when =
                    check(compiler, r.when(), SimpleType.BOOL, r.file(), r.whenLine(), what + " 'when'", problems);
            CelAbstractSyntaxTree evidence = r.evidence() == null
                    ? null
                    : check(compiler, r.evidence(), null, r.file(), r.line(), what + " 'evidence'", problems);
            if (evidence != null && evidence.getResultType().kind() != CelKind.LIST) {
                problems.add(new BundleProblem(
                        r.file(),
                        r.line(),
                        what + " 'evidence' must be a list of maps, found "
                                + evidence.getResultType().name()));
            }
            Rule.ConditionSpec c = r.condition();
            CelAbstractSyntaxTree due = c == null || c.dueWithinDays() == null
                    ? null
                    : check(
                            compiler,
                            c.dueWithinDays(),
                            SimpleType.INT,
                            r.file(),
                            r.line(),
                            what + " 'condition.dueWithinDays'",
                            problems);
            CelAbstractSyntaxTree reference = c == null || c.reference() == null
                    ? null
                    : check(
                            compiler,
                            c.reference(),
                            SimpleType.STRING,
                            r.file(),
                            r.line(),
                            what + " 'condition.reference'",
                            problems);
            if (when != null) {
                rules.add(new CompiledRule(
                        r,
                        new RuleRef(r.id(), r.code(), r.title()),
                        program(when),
                        program(evidence),
                        program(due),
                        program(reference)));
                ruleAsts.add(new CelAbstractSyntaxTree[] {when, evidence, due, reference});
            }
        }
        if (!problems.isEmpty()) {
            throw new BundleRejectedException(problems);
        }
        return new CompiledBundle(
                bundle,
                List.copyOf(definitions),
                program(chargesAst),
                List.copyOf(rules),
                javaPath(bundle, definitions, definitionAsts, chargesAst, ruleAsts));
    }

    private static JavaPath javaPath(
            Bundle bundle,
            List<NamedProgram> definitions,
            List<CelAbstractSyntaxTree> definitionAsts,
            CelAbstractSyntaxTree chargesAst,
            List<CelAbstractSyntaxTree[]> ruleAsts) {
        JavaExprCompiler compiler = new JavaExprCompiler(bundle.tables(), bundle.thresholds());
        try {
            JavaExpr[] defs = new JavaExpr[definitionAsts.size()];
            for (int i = 0; i < defs.length; i++) {
                defs[i] = compiler.compile(definitionAsts.get(i));
                compiler.define(definitions.get(i).name());
            }
            List<JavaRule> javaRules = new ArrayList<>();
            for (CelAbstractSyntaxTree[] r : ruleAsts) {
                javaRules.add(new JavaRule(
                        compiler.compile(r[0]),
                        compiler.compile(r[1]),
                        compiler.compile(r[2]),
                        compiler.compile(r[3])));
            }
            return new JavaPath(defs, compiler.compile(chargesAst), List.copyOf(javaRules), compiler.localSlots());
        } catch (JavaExprCompiler.NotCompilable e) {
            // the interpreter evaluates every expression of this bundle
            return null;
        }
    }

    private static CelCompiler baseCompiler() {
        var builder =
                CelCompilerFactory.standardCelCompilerBuilder().setStandardMacros(CelStandardMacro.STANDARD_MACROS);
        Vocabulary.VARIABLES.forEach(builder::addVar);
        return builder.build();
    }

    private static CelAbstractSyntaxTree check(
            CelCompiler compiler,
            String expr,
            CelType expected,
            String file,
            int line,
            String what,
            List<BundleProblem> problems) {
        CelValidationResult result = compiler.compile(expr);
        if (result.hasError()) {
            for (CelIssue issue : result.getErrors()) {
                int exprLine = issue.getSourceLocation().getLine();
                int at = line + Math.max(exprLine, 1) - 1;
                problems.add(new BundleProblem(
                        file,
                        at,
                        what + ": " + kind(issue.getMessage()) + " at column "
                                + (issue.getSourceLocation().getColumn() + 1) + ": " + issue.getMessage()));
            }
            return null;
        }
        try {
            CelAbstractSyntaxTree ast = result.getAst();
            if (expected != null && !compatible(expected, ast.getResultType())) {
                problems.add(new BundleProblem(
                        file,
                        line,
                        what + ": type error: must be " + expected.name() + ", found "
                                + ast.getResultType().name()));
                return null;
            }
            return ast;
        } catch (CelValidationException e) {
            problems.add(new BundleProblem(file, line, what + ": " + e.getMessage()));
            return null;
        }
    }

    private static boolean compatible(CelType expected, CelType actual) {
        if (actual.kind() == CelKind.DYN || actual.kind() == CelKind.ANY) {
            return true;
        }
        return expected.kind() == CelKind.LIST ? actual.kind() == CelKind.LIST : expected.isAssignableFrom(actual);
    }

    private static String kind(String message) {
        if (message.startsWith("undeclared reference")) {
            return message.contains("(") && message.contains("'") ? "unknown name or function" : "unknown name";
        }
        if (message.contains("no matching overload")) {
            return "type error";
        }
        return "syntax error";
    }

    private static Program program(CelAbstractSyntaxTree ast) {
        if (ast == null) {
            return null;
        }
        try {
            return RUNTIME.createProgram(ast);
        } catch (CelEvaluationException e) {
            throw new IllegalStateException("a checked expression does not plan: " + e.getMessage(), e);
        }
    }

    /** The bundle compiled. */
    public Bundle bundle() {
        return bundle;
    }

    /**
     * Evaluates the bundle for one request. Pure: reads only its inputs. The compiled path decides when it
     * can; any error or value it does not handle sends the whole evaluation to the CEL interpreter, which
     * also reports failing rules.
     */
    public EngineResult evaluate(DecisionInputs in) {
        if (fast != null) {
            try {
                return evaluateCompiled(in);
            } catch (RuntimeException e) {
                // an error or an unhandled value: the interpreter decides, with CEL's error semantics
            }
        }
        return evaluateInterpreted(in);
    }

    /** Whether this bundle's expressions all run as Java closures. */
    boolean compiled() {
        return fast != null;
    }

    /** The compiled path alone; throws where {@link #evaluate} would fall back to the interpreter. */
    EngineResult evaluateCompiled(DecisionInputs in) {
        FactScope scope =
                new FactScope(in, bundle.tables(), bundle.thresholds(), fast.definitions(), fast.localSlots());
        List<JavaRule> javaRules = fast.rules();
        return decide(
                in,
                i -> javaRules.get(i).when().eval(scope),
                i -> evidence(javaRules.get(i).evidence(), scope),
                i -> javaRules.get(i).due().eval(scope),
                i -> javaRules.get(i).reference().eval(scope),
                () -> fast.quotaCharges() == null ? null : fast.quotaCharges().eval(scope),
                List.of(),
                true);
    }

    /** The CEL interpreter alone, over every fact and definition. */
    EngineResult evaluateInterpreted(DecisionInputs in) {
        Map<String, Object> facts = Facts.of(in, bundle.tables(), bundle.thresholds());
        // resolving names against the map itself avoids copying it into an activation per expression
        CelVariableResolver resolver = name -> Optional.ofNullable(facts.get(name));
        List<String> failedDefinitions = new ArrayList<>();
        for (NamedProgram d : definitions) {
            try {
                facts.put(d.name(), d.program().eval(resolver));
            } catch (CelEvaluationException e) {
                failedDefinitions.add(d.name() + ": " + e.getMessage());
            }
        }
        return decide(
                in,
                i -> rules.get(i).when().eval(resolver),
                i -> evidence(rules.get(i).evidence(), resolver),
                i -> rules.get(i).due().eval(resolver),
                i -> rules.get(i).reference().eval(resolver),
                () -> quotaCharges == null ? null : quotaCharges.eval(resolver),
                failedDefinitions,
                false);
    }

    /** One expression of rule i, by whichever path evaluates. */
    @FunctionalInterface
    private interface RuleExpr<T> {
        T eval(int rule) throws CelEvaluationException;
    }

    @FunctionalInterface
    private interface BundleExpr {
        Object eval() throws CelEvaluationException;
    }

    private EngineResult decide(
            DecisionInputs in,
            RuleExpr<Object> when,
            RuleExpr<List<Evidence>> evidence,
            RuleExpr<Object> due,
            RuleExpr<Object> reference,
            BundleExpr quotaChargesExpr,
            List<String> failedDefinitions,
            boolean errorsEscape) {
        LocalDate day = LocalDate.ofInstant(in.evaluatedAt(), ZoneOffset.UTC);
        List<Reason> reasons = new ArrayList<>();
        List<Condition> conditions = new ArrayList<>();
        List<RuleRef> notMatched = new ArrayList<>(rules.size());
        Outcome outcome = Outcome.APPROVE;
        for (int i = 0; i < rules.size(); i++) {
            CompiledRule cr = rules.get(i);
            Rule r = cr.rule();
            if (!r.appliesOn(day)) {
                continue;
            }
            try {
                if (!Boolean.TRUE.equals(when.eval(i))) {
                    notMatched.add(cr.ref());
                    continue;
                }
                reasons.add(new Reason(
                        r.code(),
                        r.id(),
                        r.title(),
                        r.effect(),
                        r.citation(),
                        r.explanation(),
                        r.remediation(),
                        evidence.eval(i),
                        r.override()));
                outcome = outcome.combine(r.effect());
                if (r.condition() != null) {
                    conditions.add(new Condition(
                            r.code(),
                            r.condition().description(),
                            cr.due() == null ? null : Math.toIntExact((Long) due.eval(i)),
                            cr.reference() == null ? null : (String) reference.eval(i)));
                }
            } catch (CelEvaluationException | RuntimeException e) {
                if (errorsEscape && e instanceof RuntimeException re) {
                    throw re;
                }
                reasons.add(failure(r, e.getMessage(), failedDefinitions));
                outcome = outcome.combine(Outcome.REVIEW);
            }
        }
        List<String> charges = List.of();
        // also for REVIEW: what a reviewer's approval consumes is the same as the engine's would be
        if (outcome != Outcome.DENY && quotaCharges != null) {
            try {
                charges = distinctIds((Collection<?>) quotaChargesExpr.eval());
            } catch (CelEvaluationException e) {
                reasons.add(failure(null, "quotaCharges: " + e.getMessage(), failedDefinitions));
                outcome = Outcome.REVIEW;
            }
        }
        return new EngineResult(outcome, reasons, conditions, notMatched, charges);
    }

    /** The ids as strings, first occurrences only (no stream: most decisions charge none or one). */
    private static List<String> distinctIds(Collection<?> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        List<String> out = new ArrayList<>(ids.size());
        for (Object id : ids) {
            String s = String.valueOf(id);
            if (!out.contains(s)) {
                out.add(s);
            }
        }
        return List.copyOf(out);
    }

    private static Reason failure(Rule r, String message, List<String> failedDefinitions) {
        String detail =
                failedDefinitions.isEmpty() ? message : message + " (failed definitions: " + failedDefinitions + ")";
        return new Reason(
                RULE_FAILED,
                r == null ? "engine" : r.id(),
                "A rule could not be evaluated",
                Outcome.REVIEW,
                r == null ? "" : r.citation(),
                "The rule could not be evaluated for this request, so a reviewer must decide: " + detail,
                "No action for the submitter; the policy administrators have been told through the decision.",
                List.of(),
                RULE_FAILED_OVERRIDE);
    }

    private static List<Evidence> evidence(Program program, CelVariableResolver facts) throws CelEvaluationException {
        return program == null ? List.of() : evidence((Collection<?>) program.eval(facts));
    }

    private static List<Evidence> evidence(JavaExpr expr, FactScope scope) {
        return expr == null ? List.of() : evidence((Collection<?>) expr.eval(scope));
    }

    private static List<Evidence> evidence(Collection<?> items) {
        List<Evidence> out = new ArrayList<>(items.size());
        for (Object item : items) {
            if (item instanceof Map<?, ?> m) {
                Object detail = m.get("detail");
                out.add(new Evidence(
                        String.valueOf(m.get("kind")),
                        String.valueOf(m.get("id")),
                        detail == null ? null : String.valueOf(detail)));
            }
        }
        return out;
    }
}
