package org.sluice.policy.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.sluice.policy.bundle.BundleSource;
import org.sluice.policy.bundle.BundleTestCase;
import org.sluice.policy.bundle.BundleVerifier;

/**
 * The compiled path's record facts equal the interpreter's hash-map facts, variable by variable, on every
 * world of the default bundle's test cases (unknown and suspended partners, licences, agreements,
 * emergencies, screening hits).
 */
class RecordFactsTest {

    private static final CompiledBundle BUNDLE =
            BundleVerifier.verify(BundleSource.fromClasspath("bundles/default"), "NL");

    static Stream<BundleTestCase> cases() {
        return BUNDLE.bundle().tests().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void recordFactsEqualTheInterpretersFacts(BundleTestCase t) {
        var tables = BUNDLE.bundle().tables();
        var thresholds = BUNDLE.bundle().thresholds();
        for (String name : Vocabulary.VARIABLES.keySet()) {
            Object records = RecordFacts.value(name, t.inputs(), tables, thresholds);
            Object maps = Facts.value(name, t.inputs(), tables, thresholds);

            assertThat(records).as(name).isEqualTo(maps);
            assertThat(maps).as(name).isEqualTo(records);
            assertThat(records.hashCode()).as(name).isEqualTo(maps.hashCode());
        }
    }

    @Test
    void datesAreWrittenAsLocalDateWritesThem() {
        for (LocalDate d = LocalDate.of(-20, 1, 1); d.isBefore(LocalDate.of(12_000, 1, 1)); d = d.plusDays(97)) {
            assertThat(RecordFacts.date(d)).isEqualTo(d.toString());
        }
        assertThat(RecordFacts.date(LocalDate.of(2027, 12, 31))).isEqualTo("2027-12-31");
    }
}
