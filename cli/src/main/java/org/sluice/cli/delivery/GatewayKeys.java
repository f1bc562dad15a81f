package org.sluice.cli.delivery;

import java.util.List;

/**
 * The answer of {@code GET /api/v1/keys}: the public keys the gateway signs manifests with.
 *
 * @param keys the keys, current and retired
 */
record GatewayKeys(List<Key> keys) {
    GatewayKeys {
        keys = keys == null ? List.of() : List.copyOf(keys);
    }

    /**
     * @param keyId {@code ed25519:<16 hex>}
     * @param algorithm {@code Ed25519}
     * @param publicKey the public key as PEM ({@code -----BEGIN PUBLIC KEY-----})
     */
    record Key(String keyId, String algorithm, String publicKey) {}
}
