package org.sluice.cli.transfer;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.sluice.cli.console.Bytes;
import org.sluice.cli.delivery.PackageSummary;

/** A transfer's status as text: state, decision with every reason and condition, package and history. */
final class StatusReport {
    private StatusReport() {}

    /**
     * @param t the transfer
     * @param upload how much of its payload arrived, while it is waiting for it (else null)
     */
    static List<String> lines(Transfer t, UploadProgress upload) {
        List<String> lines = new ArrayList<>();
        String route = t.request() == null || t.request().destination() == null
                ? ""
                : "  (" + t.institutionId() + " to " + t.request().destination().partnerId() + ", "
                        + t.request().destination().country() + ")";
        lines.add("transfer    " + t.id() + route);
        lines.add("state       " + t.state() + (t.updatedAt() == null ? "" : " since " + t.updatedAt()));
        if (upload != null) {
            lines.add("payload     " + Bytes.human(upload.received()) + " of " + Bytes.human(upload.sizeBytes())
                    + " received" + (upload.received() > 0 ? "; 'sluice transfer upload' resumes from there" : ""));
        }
        Transfer.Decision d = t.decision();
        if (d == null) {
            lines.add("decision    none yet");
        } else {
            lines.add("decision    " + d.outcome() + "  " + d.decisionId()
                    + (d.source() == null ? "" : " by " + d.source())
                    + (d.decidedAt() == null ? "" : " at " + d.decidedAt()));
            lines.add("bundle      " + DecisionReport.bundle(d.bundle()));
            if (d.validUntil() != null) {
                lines.add("valid until " + d.validUntil());
            }
            lines.addAll(DecisionReport.reasons(d.reasons()));
            lines.addAll(DecisionReport.conditions(d.conditions()));
        }
        Transfer.Review r = t.review();
        if (r != null) {
            lines.add("review      " + r.kind() + "  " + r.reviewId() + ", in review " + r.timeInReview());
            lines.add("deadline    " + r.deadline() + (r.escalated() ? "  (escalated to senior reviewers)" : ""));
        }
        Transfer.Appeal a = t.appeal();
        if (a != null) {
            lines.add("appeal      " + a.appealId() + " against " + a.decisionId() + ", filed " + a.filedAt() + ": "
                    + (a.outcome() == null
                            ? "awaiting review"
                            : a.outcome() + " (" + a.outcomeDecisionId() + " at " + a.decidedAt() + ")"));
            lines.add("statement   " + a.statement());
        }
        PackageSummary p = t.pkg();
        if (p != null) {
            lines.add("package     " + p.packageId() + "  " + p.status() + "  " + Bytes.human(p.sizeBytes())
                    + (p.expiresAt() == null ? "" : ", expires " + p.expiresAt()));
        }
        if (!t.history().isEmpty()) {
            lines.add("history     "
                    + t.history().stream().map(h -> h.state() + " " + h.at()).collect(Collectors.joining(", ")));
        }
        return lines;
    }
}
