package org.sluice.events.transfer;

import jakarta.annotation.Nullable;
import org.sluice.events.schema.SchemaField;

/**
 * What the recipient will do with the data.
 *
 * @param duo the DUO code of the purpose, e.g. {@code DUO:0000007} (disease-specific research)
 * @param disease the MONDO id of the disease studied, if any
 * @param commercial whether the use is commercial
 * @param description a free-text description
 */
public record Purpose(
        @SchemaField(pattern = "^DUO:[0-9]{7}$") String duo,

        @Nullable @SchemaField(pattern = "^[A-Za-z][A-Za-z0-9_]*:[A-Za-z0-9_.-]+$")
        String disease,

        boolean commercial,
        @SchemaField(minLength = 1, maxLength = 2000) String description) {}
