package org.sluice.cli.transfer;

import java.util.ArrayList;
import java.util.List;
import org.sluice.events.decision.BundleRef;
import org.sluice.events.decision.Condition;
import org.sluice.events.decision.Evidence;
import org.sluice.events.decision.Reason;

/** The reasons and conditions of a decision or precheck, as text: every code with its rule, citation and hint. */
final class DecisionReport {
    private DecisionReport() {}

    /** {@code default 2026.11 (sha256:...)}. */
    static String bundle(BundleRef bundle) {
        return bundle == null ? "-" : bundle.id() + " " + bundle.version() + " (" + bundle.digest() + ")";
    }

    /** The reasons, each with its effect, code and rule, then its citation, explanation, evidence and remediation. */
    static List<String> reasons(List<Reason> reasons) {
        List<String> lines = new ArrayList<>();
        lines.add(reasons.isEmpty() ? "reasons     none" : "reasons");
        for (Reason r : reasons) {
            lines.add("  " + r.effect() + "  " + r.code() + "  rule " + r.ruleId()
                    + (r.title() == null ? "" : ": " + r.title()));
            detail(lines, "citation", r.citation());
            detail(lines, "why", r.explanation());
            for (Evidence e : r.evidence()) {
                detail(
                        lines,
                        "evidence",
                        e.kind() + " " + e.id() + (e.detail() == null ? "" : " (" + e.detail() + ")"));
            }
            detail(lines, "remedy", r.remediation());
        }
        return lines;
    }

    /** The conditions an approval carries, if any. */
    static List<String> conditions(List<Condition> conditions) {
        List<String> lines = new ArrayList<>();
        if (conditions.isEmpty()) {
            return lines;
        }
        lines.add("conditions");
        for (Condition c : conditions) {
            StringBuilder line = new StringBuilder("  ").append(c.code());
            if (c.description() != null) {
                line.append("  ").append(c.description());
            }
            if (c.dueWithinDays() != null) {
                line.append(" (due within ").append(c.dueWithinDays()).append(" days)");
            }
            if (c.reference() != null) {
                line.append(" [").append(c.reference()).append(']');
            }
            lines.add(line.toString());
        }
        return lines;
    }

    private static void detail(List<String> lines, String label, String text) {
        if (text != null && !text.isBlank()) {
            lines.add("      " + label + " ".repeat(Math.max(1, 10 - label.length())) + text.strip());
        }
    }
}
