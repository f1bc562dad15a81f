package org.sluice.audit.query;

import java.util.List;

/** RFC 4180 CSV of query results; cells a spreadsheet would run as formulas are defused with a quote. */
final class Csv {

    static final String HEADER = "index,eventId,type,time,actor,source,transferId,institution,partner,country,"
            + "outcome,category,reasonCodes,leafHash\r\n";

    private Csv() {}

    static String row(QueriedEntry e) {
        List<String> cells = List.of(
                Long.toString(e.index()),
                e.eventId(),
                e.type(),
                e.time().toString(),
                e.actor(),
                e.source(),
                nullToEmpty(e.facets().transferId()),
                nullToEmpty(e.facets().institution()),
                nullToEmpty(e.facets().partner()),
                nullToEmpty(e.facets().country()),
                nullToEmpty(e.facets().outcome()),
                nullToEmpty(e.facets().category()),
                String.join(" ", e.facets().reasonCodes()),
                e.leafHash());
        StringBuilder row = new StringBuilder(256);
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                row.append(',');
            }
            row.append(cell(cells.get(i)));
        }
        return row.append("\r\n").toString();
    }

    static String cell(String value) {
        String safe = !value.isEmpty() && "=+-@\t\r".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
        if (safe.indexOf(',') >= 0 || safe.indexOf('"') >= 0 || safe.indexOf('\n') >= 0 || safe.indexOf('\r') >= 0) {
            return '"' + safe.replace("\"", "\"\"") + '"';
        }
        return safe;
    }

    private static String nullToEmpty(String value) {
        return value == null ? "" : value;
    }
}
