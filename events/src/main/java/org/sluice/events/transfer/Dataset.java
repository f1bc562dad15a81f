package org.sluice.events.transfer;

import org.sluice.events.schema.SchemaField;

/**
 * The dataset exported.
 *
 * @param id the submitter's dataset id
 * @param title a human title
 * @param category the data category
 * @param subjects number of persons the data is about (0 for non-human data)
 * @param format file format, e.g. {@code VCF}
 * @param consent the subjects' consent
 */
public record Dataset(
        @SchemaField(pattern = "^[A-Za-z0-9][A-Za-z0-9._:-]*$", maxLength = 128)
        String id,

        @SchemaField(minLength = 1, maxLength = 500) String title,
        Category category,
        @SchemaField(minimum = 0) long subjects,

        @SchemaField(pattern = "^[A-Za-z0-9._-]+$", maxLength = 32)
        String format,

        Consent consent) {}
