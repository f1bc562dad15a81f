package org.sluice.audit.publicpage;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class RegionsTest {

    @Test
    void countriesMapToTheirRegionAndUnknownOnesToOther() {
        assertThat(Regions.of("NL")).isEqualTo("European Union and EEA");
        assertThat(Regions.of("no")).isEqualTo("European Union and EEA");
        assertThat(Regions.of("GB")).isEqualTo("Europe outside the EEA");
        assertThat(Regions.of("IR")).isEqualTo("Middle East and North Africa");
        assertThat(Regions.of("US")).isEqualTo("North America");
        assertThat(Regions.of("ZZ")).isEqualTo(Regions.OTHER);
        assertThat(Regions.of("")).isEqualTo(Regions.OTHER);
        assertThat(Regions.of(null)).isEqualTo(Regions.OTHER);
    }

    @Test
    void countsOfCountriesAddUpPerRegion() {
        assertThat(Regions.byRegion(Map.of("DE", 3L, "SE", 4L, "IR", 2L)))
                .containsOnly(Map.entry("European Union and EEA", 7L), Map.entry("Middle East and North Africa", 2L));
    }

    @Test
    void everyCountryIsInOneRegionAndEveryCodeIsTwoLetters() {
        assertThat(Regions.table()).hasSize(9);
        assertThat(Regions.table().values().stream().flatMap(java.util.List::stream))
                .allMatch(c -> c.matches("[A-Z]{2}"))
                .doesNotHaveDuplicates()
                .hasSizeGreaterThan(190);
    }
}
