package org.sluice.audit.publicpage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.sluice.audit.publicpage.PublicFigures.Cell;

class SuppressionTest {

    private final Suppression five = new Suppression(5);

    @Test
    void aCountBelowTheThresholdIsShownAsBelowIt() {
        assertThat(five.count(4).text()).isEqualTo("<5");
        assertThat(five.count(4).json()).isEqualTo("<5");
        assertThat(five.count(4).shown()).isNull();
        assertThat(five.count(5).json()).isEqualTo(5L);
        assertThat(new Suppression(10).count(9).text()).isEqualTo("<10");
        assertThat(five.enoughCases(4)).isFalse();
        assertThat(five.enoughCases(5)).isTrue();
    }

    @Test
    void aSingleSmallCellTakesTheSmallestOtherCellWithItSoNeitherFollowsFromTheTotal() {
        List<Cell> cells = five.breakdown(counts("APPROVE", 40, "DENY", 2, "REVIEW", 9, "APPROVE_WITH_CONDITIONS", 12));
        assertThat(texts(cells))
                .containsExactly("APPROVE=40", "APPROVE_WITH_CONDITIONS=12", "DENY=<5", "REVIEW=withheld");
    }

    @Test
    void twoOrMoreSmallCellsNeedNothingWithheldAndNoSmallCellNeedsNothing() {
        assertThat(texts(five.breakdown(counts("A", 7, "B", 1, "C", 3)))).containsExactly("A=7", "B=<5", "C=<5");
        assertThat(texts(five.breakdown(counts("A", 7, "B", 5)))).containsExactly("A=7", "B=5");
        // a lone small cell with no other cell equals the total, which is suppressed as well
        assertThat(texts(five.breakdown(counts("A", 3)))).containsExactly("A=<5");
        assertThat(five.breakdown(Map.of())).isEmpty();
    }

    @Test
    void theHiddenCellsComeLastByKeySoTheirPlaceTellsNothing() {
        assertThat(texts(five.breakdown(counts("Z", 4, "M", 100, "A", 6))))
                .containsExactly("M=100", "A=withheld", "Z=<5");
    }

    @Test
    void cellsWhoseSumMustStayUnknownWithholdTheirSmallestWhenAllAreShown() {
        assertThat(texts(five.hidingTheirSum(five.breakdown(counts("ON_TIME", 13, "LATE", 5)))))
                .containsExactly("ON_TIME=13", "LATE=withheld");
        // a single cell is its sum
        assertThat(texts(five.hidingTheirSum(five.breakdown(counts("ON_TIME", 9)))))
                .containsExactly("ON_TIME=withheld");
        // already hiding two unknowns: nothing more to withhold
        assertThat(texts(five.hidingTheirSum(five.breakdown(counts("ON_TIME", 13, "LATE", 2)))))
                .containsExactly("LATE=<5", "ON_TIME=withheld");
        assertThat(five.hidingTheirSum(List.of())).isEmpty();
    }

    @Test
    void theThresholdIsAtLeastOne() {
        assertThatThrownBy(() -> new Suppression(0)).isInstanceOf(IllegalArgumentException.class);
    }

    private static Map<String, Long> counts(Object... keyAndCount) {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (int i = 0; i < keyAndCount.length; i += 2) {
            counts.put((String) keyAndCount[i], ((Integer) keyAndCount[i + 1]).longValue());
        }
        return counts;
    }

    private static List<String> texts(List<Cell> cells) {
        return cells.stream().map(c -> c.key() + "=" + c.count().text()).toList();
    }
}
