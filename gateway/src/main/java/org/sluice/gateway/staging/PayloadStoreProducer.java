package org.sluice.gateway.staging;

import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.sluice.gateway.GatewayConfig;

/** Makes the configured payload store (the filesystem store by default), at startup so a bad one stops the service. */
public class PayloadStoreProducer {

    @Produces
    @Startup
    @ApplicationScoped
    PayloadStore payloadStore(GatewayConfig config) {
        try {
            return new FilesystemPayloadStore(config.store().directory());
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "cannot open the payload store at " + config.store().directory(), e);
        }
    }
}
