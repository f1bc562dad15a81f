package org.sluice.gateway.partner;

import java.time.LocalDate;

/**
 * A key in a partner registration.
 *
 * @param keyId the key's id, unique for the partner
 * @param publicKey a Crypt4GH public key file ({@code -----BEGIN CRYPT4GH PUBLIC KEY-----})
 * @param validFrom first day packages may be sealed to it
 * @param validUntil last day packages may be sealed to it
 */
public record KeyRegistration(String keyId, String publicKey, LocalDate validFrom, LocalDate validUntil) {}
