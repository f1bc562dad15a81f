package org.sluice.gateway.staging;

import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Ready only while the payload store accepts and discards a write (a full or read-only disk, an unreachable bucket is not ready). */
@Readiness
@ApplicationScoped
public class PayloadStoreHealth implements HealthCheck {

    private final PayloadStore store;

    public PayloadStoreHealth(PayloadStore store) {
        this.store = store;
    }

    @Override
    public HealthCheckResponse call() {
        try (PayloadStore.PendingObject probe = store.create("health/probe")) {
            probe.stream().write(0);
            probe.sync(); // reaches the store: a full disk, a read-only mount or an unreachable bucket fails here
            return HealthCheckResponse.up("payload-store");
        } catch (IOException | RuntimeException e) {
            return HealthCheckResponse.named("payload-store")
                    .down()
                    .withData("error", e.toString())
                    .build();
        }
    }
}
