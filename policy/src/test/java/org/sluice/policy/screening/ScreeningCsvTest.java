package org.sluice.policy.screening;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.List;
import org.junit.jupiter.api.Test;

/** List files are read as RFC 4180 CSV and every defect is reported with the row it starts on. */
class ScreeningCsvTest {

    private static final String HEADER =
            "source_list,entry_id,type,name,alt_names,country,programs,addresses,remarks\n";

    @Test
    void quotedFieldsMayHoldCommasQuotesAndLineBreaks() {
        List<ListEntry> entries = ScreeningCsv.parse(
                "l",
                HEADER
                        + "US_EL,SYN-1,entity,\"Acme \"\"Bio\"\", Ltd\",Acme;ACM,CN;HK,EXPORT-CONTROL,\"Line one\nline two\",x\n"
                        + "US_EL,SYN-2,individual,Dorian Vexley,,,NPWMD,,\n");

        assertThat(entries).hasSize(2);
        assertThat(entries.get(0).name()).isEqualTo("Acme \"Bio\", Ltd");
        assertThat(entries.get(0).altNames()).containsExactly("Acme", "ACM");
        assertThat(entries.get(0).countries()).containsExactly("CN", "HK");
        assertThat(entries.get(1).countries()).isEmpty();
        assertThat(entries.get(0).digest()).isNotEqualTo(entries.get(1).digest());
    }

    @Test
    void rowNumbersCountTheLinesAQuotedFieldSpans() {
        ScreeningFileException e = catchThrowableOfType(
                ScreeningFileException.class,
                () -> ScreeningCsv.parse(
                        "l",
                        HEADER
                                + "US_EL,SYN-1,entity,Acme,,CN,,\"two\nlines\",\n"
                                + "US_EL,SYN-2,robot,Unit 7,,CN,,,\n"
                                + "US_EL,SYN-3,entity,,,CN,,,\n"
                                + "US_EL,SYN-4,entity,Too,Few\n"));

        assertThat(e.errors())
                .extracting(ScreeningFileException.RowError::row, ScreeningFileException.RowError::column)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(4, "type"),
                        org.assertj.core.groups.Tuple.tuple(5, "name"),
                        org.assertj.core.groups.Tuple.tuple(6, null));
    }

    @Test
    void aHeaderWithoutTheRequiredColumnsIsRefused() {
        ScreeningFileException e = catchThrowableOfType(
                ScreeningFileException.class, () -> ScreeningCsv.parse("l", "id,name\nSYN-1,Acme\n"));

        assertThat(e.errors()).allMatch(r -> r.row() == 1);
        assertThat(e.errors())
                .extracting(ScreeningFileException.RowError::column)
                .contains("entry_id", "type");
    }
}
