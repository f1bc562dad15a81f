package org.sluice.crypto.manifest;

/**
 * What {@link PackageVerifier} measured on a package that matched its manifest (the figures a partner's
 * acknowledgement reports).
 *
 * @param packageBytes size of the package, header and body
 * @param headerSha256 hex SHA-256 of the header
 * @param bodySha256 hex SHA-256 of the body
 * @param plaintextBytes size of the plaintext
 * @param plaintextSha256 hex SHA-256 of the plaintext
 */
public record VerifiedPackage(
        long packageBytes, String headerSha256, String bodySha256, long plaintextBytes, String plaintextSha256) {}
