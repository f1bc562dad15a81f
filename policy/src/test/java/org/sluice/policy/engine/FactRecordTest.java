package org.sluice.policy.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FactRecordTest {

    private static final FactRecord.Shape PAIR = new FactRecord.Shape("id", "status");
    private static final FactRecord.Shape TRIPLE = new FactRecord.Shape("status", "known", "id");

    @Test
    void aRecordIsTheMapOfItsKeysAndValues() {
        FactRecord r = PAIR.of("L-1", "ACTIVE");
        Map<String, Object> same = new HashMap<>(Map.of("id", "L-1", "status", "ACTIVE"));

        assertThat(r).isEqualTo(same).hasSameHashCodeAs(same).containsOnlyKeys("id", "status");
        assertThat(r.get("holder")).isNull();
        assertThat(r.containsKey("holder")).isFalse();
    }

    @Test
    void aFieldSiteReadsRecordsOfEveryShapeItMeets() {
        FactRecord.FieldSite id = new FactRecord.FieldSite("id");

        // alternating shapes at one site: the position remembered for one shape is never used for another
        for (int i = 0; i < 3; i++) {
            assertThat(id.read(PAIR.of("L-" + i, "ACTIVE"))).isEqualTo("L-" + i);
            assertThat(id.read(TRIPLE.of("REVOKED", true, "T-" + i))).isEqualTo("T-" + i);
        }
        assertThat(new FactRecord.FieldSite("known").read(PAIR.of("L-1", "ACTIVE")))
                .isNull();
    }
}
