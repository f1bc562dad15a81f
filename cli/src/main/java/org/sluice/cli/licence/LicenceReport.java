package org.sluice.cli.licence;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.sluice.cli.console.Bytes;
import org.sluice.cli.console.Table;
import org.sluice.events.licensing.LicenceTerms;

/** Licence applications as text: one in full, or a table of several. */
final class LicenceReport {
    private LicenceReport() {}

    /** The application: status and markers, what was applied for, the dates, terms or reasons, waiting transfers. */
    static List<String> lines(LicenceApplication a) {
        List<String> lines = new ArrayList<>();
        lines.add("application " + a.applicationId() + "  (" + a.institutionId() + " to " + a.partnerId() + ", "
                + a.destinationCountry() + ")");
        lines.add("status      " + status(a));
        lines.add("licence     " + a.licenceId()
                + ("PENDING".equals(a.status()) ? " (transfers citing it wait for the decision)" : ""));
        lines.add("applied for " + String.join(", ", a.categories()) + "; " + quota(a.quotaBytes(), a.quotaTransfers())
                + "; " + a.validFrom() + " to " + a.validUntil());
        if (a.purpose() != null) {
            lines.add("purpose     " + a.purpose().duo()
                    + (a.purpose().disease() == null ? "" : " " + a.purpose().disease())
                    + (Boolean.TRUE.equals(a.purpose().commercial()) ? " (commercial)" : "")
                    + (a.purpose().description() == null
                            ? ""
                            : ": " + a.purpose().description()));
        }
        lines.add("risk        " + a.risk() + votes(a.requiredVotes()));
        lines.add("applied     " + a.appliedAt() + (a.appliedBy() == null ? "" : " by " + a.appliedBy()));
        lines.add("expected by " + a.expectedBy() + (a.decidedAt() == null ? "" : "; decided at " + a.decidedAt()));
        lines.add("time taken  " + duration(a.timeTaken()) + ("PENDING".equals(a.status()) ? " so far" : ""));
        LicenceTerms t = a.terms();
        if (t != null) {
            lines.add("terms       " + t.validFrom() + " to " + t.validUntil() + "; "
                    + quota(t.quotaBytes(), t.quotaTransfers()));
            if (t.postShipmentVerification()) {
                lines.add("  post-shipment verification within "
                        + (t.verificationDays() == null ? "the office's period" : t.verificationDays() + " days"));
            }
            for (String condition : t.conditions()) {
                lines.add("  condition  " + condition);
            }
        }
        if (!a.reasons().isEmpty()) {
            lines.add("WITHDRAWN".equals(a.status()) ? "withdrawn because" : "refused because");
            a.reasons().forEach(r -> lines.add("  " + r));
        }
        if (!a.blockingReasons().isEmpty()) {
            lines.add("blocking    (no grant while these stand)");
            for (JsonNode r : a.blockingReasons()) {
                lines.add("  " + text(r, "code") + (r.hasNonNull("title") ? ": " + text(r, "title") : ""));
                if (r.hasNonNull("explanation")) {
                    lines.add("      why       " + text(r, "explanation"));
                }
                if (r.hasNonNull("remediation")) {
                    lines.add("      remedy    " + text(r, "remediation"));
                }
            }
        }
        lines.add("waiting     "
                + (a.waitingTransfers().isEmpty() ? "no transfers" : String.join(", ", a.waitingTransfers())));
        return lines;
    }

    /** One row per application. */
    static Table table(List<LicenceApplication> applications) {
        Table table = new Table(
                "APPLICATION", "LICENCE", "STATUS", "RISK", "DESTINATION", "EXPECTED BY", "TIME TAKEN", "WAITING");
        for (LicenceApplication a : applications) {
            table.row(
                    a.applicationId(),
                    a.licenceId(),
                    status(a),
                    a.risk(),
                    a.partnerId() + " (" + a.destinationCountry() + ")",
                    a.expectedBy(),
                    duration(a.timeTaken()),
                    a.waitingTransfers().size());
        }
        return table;
    }

    /** {@code PENDING (late, escalated)}. */
    static String status(LicenceApplication a) {
        List<String> marks = new ArrayList<>();
        if (a.late()) {
            marks.add("late");
        }
        if (a.escalated()) {
            marks.add("escalated");
        }
        return a.status() + (marks.isEmpty() ? "" : " (" + String.join(", ", marks) + ")");
    }

    /** {@code P3DT4H5M} as {@code 3d 4h 5m}; what does not parse is shown as it is. */
    static String duration(String iso) {
        if (iso == null) {
            return "-";
        }
        Duration d;
        try {
            d = Duration.parse(iso);
        } catch (DateTimeParseException e) {
            return iso;
        }
        if (d.isNegative()) {
            return iso;
        }
        List<String> parts = new ArrayList<>();
        if (d.toDays() > 0) {
            parts.add(d.toDays() + "d");
        }
        if (d.toHoursPart() > 0) {
            parts.add(d.toHoursPart() + "h");
        }
        if (d.toMinutesPart() > 0) {
            parts.add(d.toMinutesPart() + "m");
        }
        return parts.isEmpty() ? d.toSecondsPart() + "s" : String.join(" ", parts);
    }

    private static String quota(Long bytes, Long transfers) {
        return (bytes == null ? "no byte limit" : Bytes.human(bytes)) + " in "
                + (transfers == null ? "any number of" : transfers.toString()) + " transfer"
                + (transfers != null && transfers == 1 ? "" : "s");
    }

    private static String votes(Integer required) {
        if (required == null) {
            return "";
        }
        return String.format(
                Locale.ROOT,
                " (%d officer approval%s%s)",
                required,
                required == 1 ? "" : "s",
                required > 1 ? ", one of them senior" : "");
    }

    private static String text(JsonNode node, String field) {
        return node.path(field).asText();
    }
}
