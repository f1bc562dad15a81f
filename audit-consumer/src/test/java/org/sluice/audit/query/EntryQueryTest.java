package org.sluice.audit.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class EntryQueryTest {

    @Test
    void anOutcomeIsATransferDecisionsOrALicenceApplicationsAndNothingElse() throws Exception {
        assertThat(EntryQuery.parse(Map.of("outcome", "DENY"), 100, 1000).outcome())
                .isEqualTo("DENY");
        assertThat(EntryQuery.parse(Map.of("outcome", "GRANTED", "type", "LicenceApplicationDecided"), 100, 1000)
                        .outcome())
                .isEqualTo("GRANTED");
        assertThat(EntryQuery.parse(Map.of("outcome", "WITHDRAWN"), 100, 1000).outcome())
                .isEqualTo("WITHDRAWN");
        assertThatThrownBy(() -> EntryQuery.parse(Map.of("outcome", "MAYBE"), 100, 1000))
                .isInstanceOfSatisfying(
                        InvalidQueryException.class,
                        e -> assertThat(e.violations()).singleElement().satisfies(v -> {
                            assertThat(v.field()).isEqualTo("outcome");
                            assertThat(v.message()).contains("APPROVE", "GRANTED", "REFUSED", "WITHDRAWN");
                        }));
    }

    @Test
    void aSubjectIsAnyTextUpToTheLimitAndALongerOneIsNamed() throws Exception {
        assertThat(EntryQuery.parse(Map.of("subject", "la-01JD2K"), 100, 1000).subject())
                .isEqualTo("la-01JD2K");
        assertThat(EntryQuery.parse(Map.of(), 100, 1000).subject()).isNull();
        assertThat(EntryQuery.parse(Map.of("subject", "x".repeat(200)), 100, 1000)
                        .subject())
                .hasSize(200);
        assertThatThrownBy(() -> EntryQuery.parse(Map.of("subject", "x".repeat(201), "transferId", "tr-1"), 100, 1000))
                .isInstanceOfSatisfying(
                        InvalidQueryException.class,
                        e -> assertThat(e.violations()).singleElement().satisfies(v -> {
                            assertThat(v.field()).isEqualTo("subject");
                            assertThat(v.rule()).isEqualTo("maxLength");
                        }));
    }
}
