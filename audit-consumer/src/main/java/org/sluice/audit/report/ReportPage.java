package org.sluice.audit.report;

import java.util.Locale;
import java.util.Map;

/**
 * The transparency report as one self-contained HTML page: inline CSS and SVG bar charts, no scripts and
 * no external resources. Every figure carries a stable {@code id} or {@code data-testid}.
 */
public final class ReportPage {

    private static final int BAR_WIDTH = 360;
    private static final int ROW = 22;

    private ReportPage() {}

    public static String render(TransparencyReport r) {
        StringBuilder html = new StringBuilder(8192);
        html.append("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">")
                .append("<title>Sluice transparency report</title><style>")
                .append("body{font-family:system-ui,sans-serif;margin:2rem;color:#1d2733;max-width:60rem}")
                .append("h1{font-size:1.5rem}h2{font-size:1.1rem;margin-top:2rem}")
                .append("table{border-collapse:collapse}td,th{padding:.2rem .8rem;text-align:left}")
                .append(".bar{fill:#2f6db5}.label{font-size:12px}.none{color:#777}")
                .append("</style></head><body>");
        html.append("<h1>Sluice transparency report</h1>");
        html.append("<p id=\"report-period\">From <time>")
                .append(r.from())
                .append("</time> to <time>")
                .append(r.to())
                .append("</time> (end excluded). Aggregates only.</p>");

        html.append("<h2>Decisions</h2><p>Total: <strong id=\"report-decisions-total\">")
                .append(r.decisions().total())
                .append("</strong></p>");
        chart(html, "chart-outcome", "By outcome", r.decisions().byOutcome());
        chart(html, "chart-category", "By data category", r.decisions().byCategory());
        chart(html, "chart-country", "By destination country", r.decisions().byCountry());

        html.append("<h2>Turnaround</h2><table id=\"report-turnaround\"><tr><th></th><th>cases</th><th>median</th>")
                .append("<th>90th percentile</th></tr>");
        durations(html, "report-licensing", "Licensing (request to final decision)", r.licensing());
        durations(
                html,
                "report-licence-applications",
                "Licence applications granted or refused (applied to decided)",
                r.licenceApplications());
        durations(html, "report-reviews", "Human review (opened to decided)", r.reviews());
        html.append("</table>");

        html.append("<h2>Appeals</h2><p>Filed: <strong id=\"report-appeals-filed\">")
                .append(r.appeals().filed())
                .append("</strong></p>");
        chart(html, "chart-appeals", "Appeal decisions by outcome", r.appeals().byOutcome());

        html.append("<h2>Incidents</h2><p>Security alerts: <strong id=\"report-incidents-total\">")
                .append(r.incidents().total())
                .append("</strong></p>");
        chart(html, "chart-incidents-rule", "By rule", r.incidents().byRule());
        chart(html, "chart-incidents-severity", "By severity", r.incidents().bySeverity());
        return html.append("</body></html>").toString();
    }

    private static void chart(StringBuilder html, String id, String title, Map<String, Long> counts) {
        html.append("<figure id=\"")
                .append(id)
                .append("\"><figcaption>")
                .append(escape(title))
                .append("</figcaption>");
        if (counts.isEmpty()) {
            html.append("<p class=\"none\">none</p></figure>");
            return;
        }
        long max = counts.values().stream().mapToLong(Long::longValue).max().orElse(1);
        int height = counts.size() * ROW;
        html.append("<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" width=\"")
                .append(BAR_WIDTH + 260)
                .append("\" height=\"")
                .append(height)
                .append("\" aria-label=\"")
                .append(escape(title))
                .append("\">");
        int y = 0;
        for (var e : counts.entrySet()) {
            long width = Math.max(1, e.getValue() * BAR_WIDTH / Math.max(1, max));
            String key = escape(e.getKey());
            html.append("<g data-testid=\"bar-")
                    .append(id)
                    .append('-')
                    .append(key)
                    .append("\" data-value=\"")
                    .append(e.getValue())
                    .append("\">")
                    .append("<text class=\"label\" x=\"0\" y=\"")
                    .append(y + 15)
                    .append("\">")
                    .append(key)
                    .append("</text>")
                    .append("<rect class=\"bar\" x=\"180\" y=\"")
                    .append(y + 3)
                    .append("\" width=\"")
                    .append(width)
                    .append("\" height=\"")
                    .append(ROW - 6)
                    .append("\"/>")
                    .append("<text class=\"label\" x=\"")
                    .append(186 + width)
                    .append("\" y=\"")
                    .append(y + 15)
                    .append("\">")
                    .append(e.getValue())
                    .append("</text></g>");
            y += ROW;
        }
        html.append("</svg></figure>");
    }

    private static void durations(StringBuilder html, String id, String title, TransparencyReport.Durations d) {
        html.append("<tr id=\"")
                .append(id)
                .append("\"><td>")
                .append(escape(title))
                .append("</td><td>")
                .append(d.count())
                .append("</td><td>")
                .append(human(d.medianSeconds()))
                .append("</td><td>")
                .append(human(d.p90Seconds()))
                .append("</td></tr>");
    }

    static String human(Double seconds) {
        if (seconds == null) {
            return "&ndash;";
        }
        if (seconds < 120) {
            return String.format(Locale.ROOT, "%.0f s", seconds);
        }
        if (seconds < 7200) {
            return String.format(Locale.ROOT, "%.1f min", seconds / 60);
        }
        if (seconds < 172_800) {
            return String.format(Locale.ROOT, "%.1f h", seconds / 3600);
        }
        return String.format(Locale.ROOT, "%.1f days", seconds / 86_400);
    }

    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (char ch : text.toCharArray()) {
            switch (ch) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(ch);
            }
        }
        return out.toString();
    }
}
