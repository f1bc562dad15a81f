package org.sluice.events.transfer;

/** The kind of data a transfer carries; decides which export rules apply. */
public enum Category {
    /** Individual-level human genomic data. */
    HUMAN_INDIVIDUAL,
    /** Summary statistics, allele frequencies. */
    HUMAN_AGGREGATE,
    /** Sequences of listed pathogens and toxins. */
    PATHOGEN_OF_CONCERN,
    /** Designs of synthetic genetic elements. */
    SYNTHETIC_CONSTRUCT,
    /** Other organisms, reference genomes. */
    NON_HUMAN,
    /** Results and derivatives with no individual-level data. */
    DERIVED_NON_IDENTIFIABLE;

    /** Whether the data is about humans (consent and data-protection rules apply). */
    public boolean isHuman() {
        return this == HUMAN_INDIVIDUAL || this == HUMAN_AGGREGATE;
    }
}
