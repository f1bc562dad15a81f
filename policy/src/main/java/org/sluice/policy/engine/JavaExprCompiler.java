package org.sluice.policy.engine;

import dev.cel.common.CelAbstractSyntaxTree;
import dev.cel.common.ast.CelConstant;
import dev.cel.common.ast.CelExpr;
import dev.cel.common.values.NullValue;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.RandomAccess;
import java.util.Set;

/**
 * Translates the checked CEL expressions of one bundle into {@link JavaExpr} closures, evaluating at
 * compile time what the bundle fixes: {@code tables.x} and {@code thresholds.x} become constants, and
 * {@code c in tables.x} a hash lookup. Handles the part of CEL bundles use (literals, field selection,
 * indexing, boolean logic, comparison, arithmetic, {@code in}, {@code size}, {@code string}, string
 * tests and the comprehension macros); an expression outside it makes the whole bundle use the
 * interpreter ({@link NotCompilable}).
 */
final class JavaExprCompiler {

    /** The expression uses a part of CEL the compiler does not translate. */
    static final class NotCompilable extends Exception {
        private static final long serialVersionUID = 1L;

        NotCompilable(String message) {
            super(message);
        }
    }

    private final Map<String, List<String>> tables;
    private final Map<String, Long> thresholds;
    private final Map<String, Integer> definitions = new HashMap<>();
    private final Deque<Map.Entry<String, Integer>> locals = new ArrayDeque<>();
    private int slots;

    JavaExprCompiler(Map<String, List<String>> tables, Map<String, Long> thresholds) {
        this.tables = tables;
        this.thresholds = thresholds;
    }

    /** Comprehension variable slots the compiled expressions use. */
    int localSlots() {
        return slots;
    }

    /** Makes the next definition visible to the expressions compiled after it, as the type checker does. */
    void define(String name) {
        definitions.put(name, definitions.size());
    }

    JavaExpr compile(CelAbstractSyntaxTree ast) throws NotCompilable {
        return ast == null ? null : compile(ast.getExpr());
    }

    private JavaExpr compile(CelExpr e) throws NotCompilable {
        return switch (e.getKind()) {
            case CONSTANT -> constant(e.constant());
            case IDENT -> ident(e.ident().name());
            case SELECT -> select(e.select());
            case CALL -> call(e.call());
            case LIST -> list(e.list().elements());
            case MAP -> map(e.map().entries());
            case COMPREHENSION -> comprehension(e.comprehension());
            default -> throw new NotCompilable("expression kind " + e.getKind());
        };
    }

    private static JavaExpr constant(CelConstant c) throws NotCompilable {
        Object value = switch (c.getKind()) {
            case NULL_VALUE -> NullValue.NULL_VALUE;
            case BOOLEAN_VALUE -> c.booleanValue();
            case INT64_VALUE -> c.int64Value();
            case STRING_VALUE -> c.stringValue();
            default -> throw new NotCompilable("constant of kind " + c.getKind());
        };
        return s -> value;
    }

    private JavaExpr ident(String name) throws NotCompilable {
        for (Map.Entry<String, Integer> local : locals) {
            if (local.getKey().equals(name)) {
                int slot = local.getValue();
                return s -> s.local(slot);
            }
        }
        Integer definition = definitions.get(name);
        if (definition != null) {
            int i = definition;
            return s -> s.definition(i);
        }
        int slot = FactScope.NAMES.indexOf(name);
        if (slot < 0) {
            throw new NotCompilable("unknown name " + name);
        }
        return s -> value(s.fact(slot));
    }

    private boolean isBundleIdent(CelExpr e, String name) {
        return e.getKind() == CelExpr.ExprKind.Kind.IDENT
                && e.ident().name().equals(name)
                && locals.stream().noneMatch(l -> l.getKey().equals(name))
                && !definitions.containsKey(name);
    }

    /** {@code tables.x} or {@code thresholds.x} of this bundle, when present: a constant. */
    private Object bundleConstant(CelExpr e) {
        return e.getKind() == CelExpr.ExprKind.Kind.SELECT && !e.select().testOnly()
                ? bundleConstant(e.select().operand(), e.select().field())
                : null;
    }

    private Object bundleConstant(CelExpr operand, String field) {
        if (isBundleIdent(operand, "tables")) {
            return tables.get(field);
        }
        if (isBundleIdent(operand, "thresholds")) {
            return thresholds.get(field);
        }
        return null;
    }

    private JavaExpr select(CelExpr.CelSelect sel) throws NotCompilable {
        String field = sel.field();
        Object known = sel.testOnly() ? null : bundleConstant(sel.operand(), field);
        if (known != null) {
            return s -> known;
        }
        JavaExpr operand = compile(sel.operand());
        if (sel.testOnly()) {
            return s -> operand.eval(s) instanceof Map<?, ?> m ? m.containsKey(field) : fallback("has() on a non-map");
        }
        FactRecord.FieldSite site = new FactRecord.FieldSite(field);
        return s -> {
            Object target = operand.eval(s);
            return target instanceof FactRecord r ? present(site.read(r), field) : field(target, field);
        };
    }

    private static Object present(Object v, String field) {
        return v != null ? value(v) : fallback("no such key " + field);
    }

    private static Object field(Object target, Object key) {
        if (target instanceof Map<?, ?> m) {
            Object v = m.get(key);
            if (v != null) {
                return value(v);
            }
        }
        return fallback("no such key " + key);
    }

    private JavaExpr list(List<CelExpr> elements) throws NotCompilable {
        JavaExpr[] items = compileAll(elements);
        if (elements.stream().allMatch(e -> e.getKind() == CelExpr.ExprKind.Kind.CONSTANT)) {
            // [] (every filter's start) and lists of literals: one immutable list for every evaluation
            List<Object> known = new ArrayList<>(items.length);
            for (JavaExpr item : items) {
                known.add(item.eval(null));
            }
            List<Object> constant = List.copyOf(known);
            return s -> constant;
        }
        return s -> {
            List<Object> out = new ArrayList<>(items.length);
            for (JavaExpr item : items) {
                out.add(item.eval(s));
            }
            return out;
        };
    }

    private JavaExpr map(List<CelExpr.CelMap.Entry> entries) throws NotCompilable {
        JavaExpr[] keys = new JavaExpr[entries.size()];
        JavaExpr[] values = new JavaExpr[entries.size()];
        for (int i = 0; i < entries.size(); i++) {
            if (entries.get(i).optionalEntry()) {
                throw new NotCompilable("optional map entry");
            }
            keys[i] = compile(entries.get(i).key());
            values[i] = compile(entries.get(i).value());
        }
        return s -> {
            Map<Object, Object> out = new LinkedHashMap<>();
            for (int i = 0; i < keys.length; i++) {
                if (out.put(keys[i].eval(s), values[i].eval(s)) != null) {
                    return fallback("repeated map key");
                }
            }
            return out;
        };
    }

    private JavaExpr comprehension(CelExpr.CelComprehension c) throws NotCompilable {
        if (!c.iterVar2().isEmpty()) {
            throw new NotCompilable("two-variable comprehension");
        }
        JavaExpr range = compile(c.iterRange());
        JavaExpr init = compile(c.accuInit());
        int accu = slots++;
        int iter = slots++;
        locals.push(Map.entry(c.accuVar(), accu));
        JavaExpr result;
        JavaExpr condition;
        JavaExpr step;
        try {
            result = compile(c.result());
            locals.push(Map.entry(c.iterVar(), iter));
            try {
                condition = compile(c.loopCondition());
                step = compile(c.loopStep());
            } finally {
                locals.pop();
            }
        } finally {
            locals.pop();
        }
        return s -> {
            Object over = range.eval(s);
            s.setLocal(accu, init.eval(s));
            if (over instanceof List<?> l && l instanceof RandomAccess) {
                // by index: no iterator per comprehension
                int i = 0;
                while (i < l.size() && step(s, iter, l.get(i), condition, accu, step)) {
                    i++;
                }
            } else {
                Collection<?> items = over instanceof Collection<?> all
                        ? all
                        : over instanceof Map<?, ?> m ? m.keySet() : fallback("comprehension over a non-list");
                for (Object item : items) {
                    if (!step(s, iter, item, condition, accu, step)) {
                        break;
                    }
                }
            }
            return result.eval(s);
        };
    }

    /** One step of a comprehension; false when its loop condition stops it before the step. */
    private static boolean step(FactScope s, int iter, Object item, JavaExpr condition, int accu, JavaExpr step) {
        s.iterate();
        s.setLocal(iter, value(item));
        if (!bool(condition.eval(s))) {
            return false;
        }
        s.setLocal(accu, step.eval(s));
        return true;
    }

    private JavaExpr[] compileAll(List<CelExpr> exprs) throws NotCompilable {
        JavaExpr[] out = new JavaExpr[exprs.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = compile(exprs.get(i));
        }
        return out;
    }

    private JavaExpr call(CelExpr.CelCall call) throws NotCompilable {
        String f = call.function();
        List<CelExpr> argExprs = new ArrayList<>();
        call.target().ifPresent(argExprs::add);
        argExprs.addAll(call.args());
        if ((f.equals("@in") || f.equals("_in_")) && argExprs.size() == 2) {
            Object container = bundleConstant(argExprs.get(1));
            if (container instanceof Collection<?> known) {
                Set<Object> set = new HashSet<>(known);
                JavaExpr needle = compile(argExprs.get(0));
                if (known.stream().allMatch(String.class::isInstance)) {
                    return s -> needle.eval(s) instanceof String v ? set.contains(v) : fallback("in: not a string");
                }
            }
        }
        JavaExpr[] a = compileAll(argExprs);
        String text = argExprs.size() == 2 ? stringConstant(argExprs.get(1)) : null;
        if (text != null && (f.equals("_==_") || f.equals("_!=_"))) {
            // x == 'literal', the commonest test of a bundle: a string compare without the scalar checks
            boolean equal = f.equals("_==_");
            return s -> {
                Object v = a[0].eval(s);
                return (v instanceof String t ? t.equals(text) : equal(v, text)) == equal;
            };
        }
        return switch (f + "/" + a.length) {
            case "_&&_/2" -> s -> bool(a[0].eval(s)) && bool(a[1].eval(s));
            case "_||_/2" -> s -> bool(a[0].eval(s)) || bool(a[1].eval(s));
            case "!_/1" -> s -> !bool(a[0].eval(s));
            case "@not_strictly_false/1" -> s -> bool(a[0].eval(s));
            case "_?_:_/3" -> s -> bool(a[0].eval(s)) ? a[1].eval(s) : a[2].eval(s);
            case "_==_/2" -> s -> equal(a[0].eval(s), a[1].eval(s));
            case "_!=_/2" -> s -> !equal(a[0].eval(s), a[1].eval(s));
            case "_<_/2" -> s -> compare(a[0].eval(s), a[1].eval(s)) < 0;
            case "_<=_/2" -> s -> compare(a[0].eval(s), a[1].eval(s)) <= 0;
            case "_>_/2" -> s -> compare(a[0].eval(s), a[1].eval(s)) > 0;
            case "_>=_/2" -> s -> compare(a[0].eval(s), a[1].eval(s)) >= 0;
            case "@in/2", "_in_/2" -> s -> in(a[0].eval(s), a[1].eval(s));
            case "_+_/2" -> s -> plus(a[0].eval(s), a[1].eval(s));
            case "_-_/2" -> s -> Math.subtractExact(integer(a[0].eval(s)), integer(a[1].eval(s)));
            case "_*_/2" -> s -> Math.multiplyExact(integer(a[0].eval(s)), integer(a[1].eval(s)));
            case "-_/1" -> s -> Math.negateExact(integer(a[0].eval(s)));
            case "_[_]/2" -> s -> index(a[0].eval(s), a[1].eval(s));
            case "size/1" -> s -> size(a[0].eval(s));
            case "string/1" -> s -> string(a[0].eval(s));
            case "startsWith/2" -> s -> text(a[0].eval(s)).startsWith(text(a[1].eval(s)));
            case "endsWith/2" -> s -> text(a[0].eval(s)).endsWith(text(a[1].eval(s)));
            case "contains/2" -> s -> text(a[0].eval(s)).contains(text(a[1].eval(s)));
            default -> throw new NotCompilable("function " + f + " with " + a.length + " arguments");
        };
    }

    private static String stringConstant(CelExpr e) {
        return e.getKind() == CelExpr.ExprKind.Kind.CONSTANT && e.constant().getKind() == CelConstant.Kind.STRING_VALUE
                ? e.constant().stringValue()
                : null;
    }

    /** Java values as CEL sees them: every integer a long. */
    private static Object value(Object v) {
        return v instanceof Integer i ? (Object) (long) i : v;
    }

    private static <T> T fallback(String why) {
        throw new JavaExpr.Fallback(why);
    }

    private static boolean bool(Object v) {
        return v instanceof Boolean b ? b : fallback("not a bool");
    }

    private static long integer(Object v) {
        return v instanceof Long l ? l : fallback("not an int");
    }

    private static String text(Object v) {
        return v instanceof String t ? t : fallback("not a string");
    }

    private static boolean scalar(Object v) {
        return v instanceof String || v instanceof Long || v instanceof Boolean || v instanceof NullValue;
    }

    /** Equality of scalars; values of different types are unequal, as CEL's heterogeneous equality has it. */
    private static boolean equal(Object x, Object y) {
        if (!scalar(x) || !scalar(y)) {
            return fallback("equality of aggregates");
        }
        return x.equals(y);
    }

    private static int compare(Object x, Object y) {
        if (x instanceof Long a && y instanceof Long b) {
            return Long.compare(a, b);
        }
        if (x instanceof String a && y instanceof String b) {
            return compareCodePoints(a, b);
        }
        return fallback("comparison of " + x.getClass().getSimpleName() + " and "
                + y.getClass().getSimpleName());
    }

    /** CEL orders strings by code point; {@link String#compareTo} by UTF-16 unit. */
    private static int compareCodePoints(String a, String b) {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            int ca = a.codePointAt(i);
            int cb = b.codePointAt(j);
            if (ca != cb) {
                return Integer.compare(ca, cb);
            }
            i += Character.charCount(ca);
            j += Character.charCount(cb);
        }
        return Boolean.compare(i < a.length(), j < b.length());
    }

    private static boolean in(Object needle, Object container) {
        if (container instanceof Map<?, ?> m) {
            return scalar(needle) ? m.containsKey(needle) : fallback("in: key not a scalar");
        }
        if (container instanceof Collection<?> items) {
            for (Object item : items) {
                if (equal(needle, value(item))) {
                    return true;
                }
            }
            return false;
        }
        return fallback("in: not a list or map");
    }

    private static Object plus(Object x, Object y) {
        if (x instanceof Long a && y instanceof Long b) {
            return Math.addExact(a, b);
        }
        if (x instanceof String a && y instanceof String b) {
            return a + b;
        }
        if (x instanceof List<?> a && y instanceof List<?> b) {
            // values are never changed once built, so an empty side lets the other through
            if (a.isEmpty()) {
                return b;
            }
            if (b.isEmpty()) {
                return a;
            }
            List<Object> out = new ArrayList<>(a.size() + b.size());
            out.addAll(a);
            out.addAll(b);
            return out;
        }
        return fallback("+ of these types");
    }

    private static Object index(Object target, Object key) {
        if (target instanceof List<?> l && key instanceof Long i) {
            return i >= 0 && i < l.size() ? value(l.get(i.intValue())) : fallback("index out of range");
        }
        return target instanceof Map<?, ?> && scalar(key) ? field(target, key) : fallback("index of these types");
    }

    private static long size(Object v) {
        if (v instanceof Collection<?> c) {
            return c.size();
        }
        if (v instanceof Map<?, ?> m) {
            return m.size();
        }
        if (v instanceof String t) {
            return t.codePointCount(0, t.length());
        }
        return fallback("size of a " + v.getClass().getSimpleName());
    }

    private static String string(Object v) {
        if (v instanceof String t) {
            return t;
        }
        if (v instanceof Long l) {
            return Long.toString(l);
        }
        if (v instanceof Double d) {
            return Double.toString(d);
        }
        return fallback("string() of a " + v.getClass().getSimpleName());
    }
}
