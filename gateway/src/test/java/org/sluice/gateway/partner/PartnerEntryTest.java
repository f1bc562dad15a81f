package org.sluice.gateway.partner;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.sluice.events.delivery.PackageFormat;
import org.sluice.events.partner.PartnerStatus;
import org.sluice.events.partner.ProfitStatus;

class PartnerEntryTest {

    private static final LocalDate DAY = LocalDate.of(2027, 6, 1);

    @Test
    void theNewestKeyValidOnTheDayIsChosen() {
        PartnerEntry partner = partner(
                key("old", "2024-01-01", "2027-12-31"),
                key("successor", "2027-05-01", "2030-12-31"),
                key("future", "2028-01-01", "2031-12-31"));

        assertThat(partner.sealingKey(DAY)).map(RegisteredKey::keyId).contains("successor");
        assertThat(partner.sealingKey(LocalDate.of(2027, 4, 30)))
                .map(RegisteredKey::keyId)
                .contains("old");
    }

    @Test
    void noKeyIsChosenOutsideEveryWindow() {
        PartnerEntry partner = partner(key("expired", "2020-01-01", "2025-01-31"));

        assertThat(partner.sealingKey(DAY)).isEmpty();
        assertThat(partner.sealingKey(LocalDate.of(2025, 1, 31))).isPresent();
        assertThat(partner.sealingKey(LocalDate.of(2025, 2, 1))).isEmpty();
    }

    @Test
    void theEventCarriesKeysWithoutTheKeyMaterial() {
        var event = partner(key("k", "2024-01-01", "2030-01-01")).toEvent();

        assertThat(event.keys()).singleElement().satisfies(k -> {
            assertThat(k.fingerprint()).isEqualTo("sha256:k");
            assertThat(k.validOn(DAY)).isTrue();
        });
    }

    private static PartnerEntry partner(RegisteredKey... keys) {
        return new PartnerEntry(
                "p-x",
                "X",
                "DE",
                PartnerStatus.ACTIVE,
                null,
                ProfitStatus.NOT_FOR_PROFIT,
                false,
                PackageFormat.CRYPT4GH,
                List.of(keys));
    }

    private static RegisteredKey key(String id, String from, String until) {
        return new RegisteredKey(
                id, PackageFormat.CRYPT4GH, "-----", "sha256:" + id, LocalDate.parse(from), LocalDate.parse(until));
    }
}
