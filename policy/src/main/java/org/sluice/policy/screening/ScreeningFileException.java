package org.sluice.policy.screening;

import java.util.List;

/** A screening-list file that cannot be loaded; the list in force stays. Each error names its row. */
public class ScreeningFileException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final transient List<RowError> errors;

    /**
     * One defect.
     *
     * @param row 1-based row of the file (the header is row 1)
     * @param column the column at fault, if one
     * @param message what is wrong
     */
    public record RowError(int row, String column, String message) {}

    public ScreeningFileException(List<RowError> errors) {
        super(errors.size() + " row error(s), first at row " + errors.get(0).row() + ": "
                + errors.get(0).message());
        this.errors = List.copyOf(errors);
    }

    public List<RowError> errors() {
        return errors;
    }
}
