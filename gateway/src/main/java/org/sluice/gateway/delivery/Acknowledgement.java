package org.sluice.gateway.delivery;

/**
 * The body of {@code POST /api/v1/partner/packages/{id}/ack}.
 *
 * @param sha256 hex SHA-256 of the plaintext the partner decrypted
 */
public record Acknowledgement(String sha256) {}
