package org.sluice.gateway.transfer;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** How long a submission holds its declared bytes of the quota before its upload starts ({@code sluice.gateway.quota.*}). */
@ConfigMapping(prefix = "sluice.gateway.quota")
public interface QuotaReservationConfig {

    /**
     * How long a transfer whose upload has not started holds its declared size in the institution's storage
     * quota; after it the gateway cancels the transfer (reason given), so its bytes count no more. An upload
     * under way keeps the reservation.
     */
    @WithDefault("PT1H")
    Duration reservationTimeout();
}
