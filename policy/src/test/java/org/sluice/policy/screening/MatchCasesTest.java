package org.sluice.policy.screening;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.sluice.testsupport.Fixtures;

/** Every labelled query of the screening fixtures gets its class and entry; precision and recall are reported. */
class MatchCasesTest {

    private static ScreeningIndex index;
    private static List<ListEntry> entries;

    @BeforeAll
    static void load() throws IOException {
        String csv = Files.readString(Fixtures.path("screening/denied-parties.csv"), StandardCharsets.UTF_8);
        entries = ScreeningCsv.parse("consolidated", csv);
        index = new ScreeningIndex(entries, ScreeningIndex.Settings.DEFAULT);
    }

    private record Case(
            String id, String name, String country, String expectedClass, String expectedEntry, String trick) {}

    @Test
    void theFixtureListLoadsEveryEntry() {
        assertThat(entries).hasSize(3012);
        assertThat(index.entries()).isEqualTo(3012);
    }

    @Test
    void everyLabelledCaseGetsItsClassAndEntry() throws IOException {
        List<Case> cases = cases();
        List<String> wrong = new ArrayList<>();
        int tp = 0;
        int fp = 0;
        int fn = 0;
        for (Case c : cases) {
            List<ScreeningIndex.Hit> hits = index.screen(c.name(), c.country());
            String found = hits.isEmpty() ? "NONE" : hits.get(0).matchClass();
            boolean expectedHit = !c.expectedClass().equals("NONE");
            boolean cited = hits.stream()
                    .filter(h -> h.matchClass().equals(c.expectedClass()))
                    .anyMatch(h -> h.entry().entryId().equals(c.expectedEntry()));
            if (expectedHit && !hits.isEmpty()) {
                tp++;
            } else if (!expectedHit && !hits.isEmpty()) {
                fp++;
            } else if (expectedHit) {
                fn++;
            }
            if (!found.equals(c.expectedClass()) || (expectedHit && !cited)) {
                wrong.add(c.id() + " " + c.trick() + " '" + c.name() + "' expected " + c.expectedClass() + " "
                        + c.expectedEntry() + ", found " + found + " "
                        + hits.stream()
                                .limit(3)
                                .map(h -> h.entry().entryId() + "/" + h.matchClass() + "/" + h.relation())
                                .toList());
            }
            if (c.expectedClass().equals("MATCH")) {
                assertThat(found)
                        .as("a MATCH is never classified NONE: %s", c.id())
                        .isNotEqualTo("NONE");
            }
        }
        double precision = tp / (double) (tp + fp);
        double recall = tp / (double) (tp + fn);
        System.out.printf(
                Locale.ROOT,
                "screening match cases: %d cases, %d wrong, precision %.3f, recall %.3f%n",
                cases.size(),
                wrong.size(),
                precision,
                recall);
        assertThat(wrong).isEmpty();
        assertThat(cases).hasSize(150);
    }

    private static List<Case> cases() throws IOException {
        List<Case> out = new ArrayList<>();
        List<String> lines = Files.readAllLines(Fixtures.path("screening/match-cases.csv"), StandardCharsets.UTF_8);
        for (String line : lines.subList(1, lines.size())) {
            List<String> f = csvLine(line);
            out.add(new Case(f.get(0), f.get(1), f.get(2), f.get(3), f.get(4), f.get(5)));
        }
        return out;
    }

    private static List<String> csvLine(String line) {
        List<String> fields = new ArrayList<>();
        StringBuilder b = new StringBuilder();
        boolean quoted = false;
        for (char c : line.toCharArray()) {
            if (c == '"') {
                quoted = !quoted;
            } else if (c == ',' && !quoted) {
                fields.add(b.toString());
                b.setLength(0);
            } else {
                b.append(c);
            }
        }
        fields.add(b.toString());
        return fields;
    }
}
