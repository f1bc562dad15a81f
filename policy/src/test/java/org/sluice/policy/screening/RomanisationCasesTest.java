package org.sluice.policy.screening;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.sluice.testsupport.Fixtures;

/**
 * The project's own labelled cases for romanisations the shared fixture's cases do not reach: Wade-Giles and
 * Cantonese spellings of Mandarin names, and Korean family-name variants. A variant is POSSIBLE with the
 * entry cited; a shared common surname with other given names stays NONE.
 */
class RomanisationCasesTest {

    private static ScreeningIndex index;

    @BeforeAll
    static void load() throws IOException {
        String csv = Files.readString(Fixtures.path("screening/denied-parties.csv"), StandardCharsets.UTF_8);
        index = new ScreeningIndex(ScreeningCsv.parse("consolidated", csv), ScreeningIndex.Settings.DEFAULT);
    }

    static Stream<Arguments> cases() throws IOException {
        List<String> lines =
                Files.readAllLines(Fixtures.path("screening/romanisation-cases.csv"), StandardCharsets.UTF_8);
        return lines.subList(1, lines.size()).stream().map(line -> {
            String[] f = line.split(",", 7);
            return Arguments.of(f[0], f[1], f[2], f[3], f[4]);
        });
    }

    @ParameterizedTest(name = "{0} {1} ({2}): {3} {4}")
    @MethodSource("cases")
    void eachCaseGetsItsClassAndCitesItsEntry(String id, String name, String country, String expected, String entry) {
        List<ScreeningIndex.Hit> hits = index.screen(name, country);
        if (expected.equals("NONE")) {
            assertThat(hits)
                    .as("%s: no hit expected", id)
                    .extracting(h -> h.entry().entryId() + "/" + h.relation())
                    .isEmpty();
            return;
        }
        assertThat(hits).as("%s: a hit expected", id).isNotEmpty();
        assertThat(hits.get(0).matchClass()).isEqualTo(expected);
        assertThat(hits)
                .as("%s cites %s", id, entry)
                .anyMatch(
                        h -> h.entry().entryId().equals(entry) && h.matchClass().equals(expected));
    }
}
