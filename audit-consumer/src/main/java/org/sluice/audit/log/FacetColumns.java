package org.sluice.audit.log;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;

/** The facet columns of {@code log_entry}, in one order, and how to read them back. */
public final class FacetColumns {

    /** The columns, comma-separated, in the order {@link #read} expects. */
    public static final String LIST = "transfer_id, institution, partner, country, outcome, category, reason_codes";

    private FacetColumns() {}

    /** Reads the facets selected as {@link #LIST} starting at column {@code first}. */
    public static Facets read(ResultSet rs, int first) throws SQLException {
        return new Facets(
                rs.getString(first),
                rs.getString(first + 1),
                rs.getString(first + 2),
                rs.getString(first + 3),
                rs.getString(first + 4),
                rs.getString(first + 5),
                Arrays.asList((String[]) rs.getArray(first + 6).getArray()));
    }
}
