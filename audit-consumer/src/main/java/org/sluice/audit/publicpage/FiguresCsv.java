package org.sluice.audit.publicpage;

import java.util.List;
import org.sluice.audit.publicpage.PublicFigures.Cell;

/**
 * The public figures as RFC 4180 CSV, one figure a row: {@code figure,key,value}. The same figures and
 * the same suppressed labels as the JSON form.
 */
final class FiguresCsv {

    static final String HEADER = "figure,key,value\r\n";

    private FiguresCsv() {}

    static String write(PublicFigures f) {
        StringBuilder csv = new StringBuilder(2048).append(HEADER);
        row(csv, "period", "name", f.period().name());
        row(csv, "period", "from", f.period().from().toString());
        row(csv, "period", "to", f.period().to().toString());
        row(csv, "minCount", "", Integer.toString(f.minCount()));
        row(csv, "decisions.total", "", f.decisions().total().text());
        cells(csv, "decisions.byOutcome", f.decisions().byOutcome());
        cells(csv, "decisions.byCategory", f.decisions().byCategory());
        cells(csv, "decisions.byRegion", f.decisions().byRegion());
        turnaround(csv, "reviewTurnaround", f.reviewTurnaround());
        row(csv, "licences.decided", "", f.licences().decided().text());
        cells(csv, "licences.byOutcome", f.licences().byOutcome());
        turnaround(csv, "licences.turnaround", f.licences().turnaround());
        cells(csv, "licences.byTimeliness", f.licences().byTimeliness());
        row(csv, "licences.latePercent", "", notShown(f.licences().latePercent()));
        row(csv, "appeals.filed", "", f.appeals().filed().text());
        row(csv, "appeals.decided", "", f.appeals().decided().text());
        cells(csv, "appeals.byOutcome", f.appeals().byOutcome());
        row(csv, "alerts.total", "", f.alerts().total().text());
        cells(csv, "alerts.byRule", f.alerts().byRule());
        return csv.toString();
    }

    private static void turnaround(StringBuilder csv, String figure, PublicFigures.Turnaround t) {
        row(csv, figure + ".cases", "", t.cases().text());
        row(csv, figure + ".medianSeconds", "", notShown(t.medianSeconds()));
        row(csv, figure + ".p90Seconds", "", notShown(t.p90Seconds()));
    }

    private static String notShown(Long value) {
        return value == null ? "not shown" : value.toString();
    }

    private static void cells(StringBuilder csv, String figure, List<Cell> cells) {
        for (Cell c : cells) {
            row(csv, figure, c.key(), c.count().text());
        }
    }

    private static void row(StringBuilder csv, String figure, String key, String value) {
        csv.append(cell(figure))
                .append(',')
                .append(cell(key))
                .append(',')
                .append(cell(value))
                .append("\r\n");
    }

    /** Quoted when needed; a cell a spreadsheet would run as a formula is defused with a quote. */
    static String cell(String value) {
        String safe = !value.isEmpty() && "=+-@\t\r".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
        if (safe.indexOf(',') >= 0 || safe.indexOf('"') >= 0 || safe.indexOf('\n') >= 0 || safe.indexOf('\r') >= 0) {
            return '"' + safe.replace("\"", "\"\"") + '"';
        }
        return safe;
    }
}
