package org.sluice.cli.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ContentRangeTest {

    @Test
    void aSatisfiedRangeIsRead() {
        assertThat(ContentRange.parse("bytes 70000-132279/132280"))
                .contains(new ContentRange(70_000, 132_279, 132_280));
    }

    @Test
    void malformedOrInconsistentRangesAreNot() {
        assertThat(ContentRange.parse(null)).isEmpty();
        assertThat(ContentRange.parse("bytes */132280")).isEmpty();
        assertThat(ContentRange.parse("bytes 10-5/100")).isEmpty();
        assertThat(ContentRange.parse("bytes 0-100/100")).isEmpty();
        assertThat(ContentRange.parse("items 0-1/2")).isEmpty();
    }
}
