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
}
