package org.sluice.policy.paging;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.sluice.events.schema.Violation;

class PageTest {

    @Test
    void theLimitIsFiftyUnlessGivenAndMustLieBetweenOneAndTheMaximum() {
        List<Violation> errors = new ArrayList<>();
        assertThat(Page.limit(null, 200, errors)).isEqualTo(50);
        assertThat(Page.limit(200, 200, errors)).isEqualTo(200);
        assertThat(errors).isEmpty();
        Page.limit(0, 200, errors);
        Page.limit(201, 200, errors);
        assertThat(errors)
                .extracting(Violation::field, Violation::rule)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("limit", "range"),
                        org.assertj.core.groups.Tuple.tuple("limit", "range"));
    }

    @Test
    void aPageReadWithOneRowMoreCarriesTheCursorOfTheNextWhichNamesTheLastRowShown() {
        Page<String> first = Page.of(List.of("a", "b", "c"), 2, row -> "at:" + row);
        assertThat(first.items()).containsExactly("a", "b");
        assertThat(first.next()).isNotNull().doesNotContain("at:");

        List<Violation> errors = new ArrayList<>();
        assertThat(Page.<String>after(first.next(), position -> position, errors))
                .isEqualTo("at:b");
        assertThat(errors).isEmpty();

        Page<String> last = Page.of(List.of("c"), 2, row -> "at:" + row);
        assertThat(last.items()).containsExactly("c");
        assertThat(last.next()).isNull();
        assertThat(first.map(row -> row + "!")).isEqualTo(new Page<>(List.of("a!", "b!"), first.next()));
    }

    @Test
    void noCursorIsNoPositionAndAnythingButACursorAPageGaveIsAViolationNamingAfter() {
        List<Violation> errors = new ArrayList<>();
        assertThat(Page.<Instant>after(null, Instant::parse, errors)).isNull();
        assertThat(Page.<Instant>after(" ", Instant::parse, errors)).isNull();
        assertThat(errors).isEmpty();

        String notAnInstant = Page.of(List.of("x", "y"), 1, row -> "yesterday").next();
        assertThat(Page.<Instant>after("%%%", Instant::parse, errors)).isNull();
        assertThat(Page.<Instant>after(notAnInstant, Instant::parse, errors)).isNull();
        assertThat(Page.<Integer>after(notAnInstant, position -> null, errors)).isNull();
        assertThat(errors).hasSize(3).allSatisfy(v -> {
            assertThat(v.field()).isEqualTo("after");
            assertThat(v.rule()).isEqualTo("format");
        });
    }
}
