package org.sluice.events.transfer;

import org.sluice.events.schema.SchemaField;

/**
 * What the submitter declares about the payload before uploading it; the upload is checked against it.
 *
 * @param sizeBytes exact size of the plaintext in bytes
 * @param sha256 lower-case hex SHA-256 of the plaintext
 */
public record PayloadDeclaration(
        @SchemaField(minimum = 0) long sizeBytes,
        @SchemaField(pattern = "^[0-9a-f]{64}$") String sha256) {}
