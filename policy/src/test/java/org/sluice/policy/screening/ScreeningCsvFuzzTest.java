package org.sluice.policy.screening;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** Any text as a screening list: it loads, or a {@link ScreeningFileException} names the rows at fault. */
class ScreeningCsvFuzzTest {

    @FuzzTest(maxDuration = "10s")
    void parsesOrRejects(byte[] input) {
        String csv = new String(input, StandardCharsets.UTF_8);
        List<ListEntry> entries;
        try {
            entries = ScreeningCsv.parse("fuzz", csv);
        } catch (ScreeningFileException expected) {
            assertThat(expected.errors())
                    .isNotEmpty()
                    .allSatisfy(e -> assertThat(e.row()).isPositive());
            return;
        }
        assertThat(entries).allSatisfy(e -> assertThat(e.name()).isNotBlank());
    }
}
