package org.sluice.audit.publicpage;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.sluice.audit.publicpage.PublicFigures.Cell;

/**
 * Small-count suppression of published figures. A count below the threshold is shown as {@code <min}.
 * Within one breakdown, if exactly one cell is below it, the smallest other cell is withheld too: the
 * total and the shown cells then add up to two unknowns, so no suppressed cell can be worked out by
 * subtraction. Totals are always published under the same threshold (docs/transparency.md).
 */
public final class Suppression {

    private final int minCount;

    public Suppression(int minCount) {
        if (minCount < 1) {
            throw new IllegalArgumentException("the threshold is at least 1, found " + minCount);
        }
        this.minCount = minCount;
    }

    public int minCount() {
        return minCount;
    }

    /** One count on its own. */
    public PublishedCount count(long value) {
        return value < minCount ? PublishedCount.below(minCount) : PublishedCount.of(value);
    }

    /** Whether a turnaround over this many cases may be shown. */
    public boolean enoughCases(long cases) {
        return cases >= minCount;
    }

    /**
     * The cells of one breakdown, suppressed as the class describes: the shown ones largest first (then by
     * key), then the suppressed and withheld ones by key. Keys with no count are left out.
     */
    public List<Cell> breakdown(Map<String, Long> counts) {
        List<Map.Entry<String, Long>> entries = new ArrayList<>(counts.entrySet());
        entries.removeIf(e -> e.getValue() <= 0);
        entries.sort(Map.Entry.<String, Long>comparingByValue(Comparator.reverseOrder())
                .thenComparing(Map.Entry.comparingByKey()));
        long below = entries.stream().filter(e -> e.getValue() < minCount).count();
        String withheld = null;
        if (below == 1) {
            // the smallest cell at or above the threshold: the last such one in largest-first order
            withheld = entries.stream()
                    .filter(e -> e.getValue() >= minCount)
                    .reduce((first, second) -> second)
                    .map(Map.Entry::getKey)
                    .orElse(null);
        }
        List<Cell> shown = new ArrayList<>(entries.size());
        List<Cell> hidden = new ArrayList<>();
        for (Map.Entry<String, Long> e : entries) {
            PublishedCount count = e.getKey().equals(withheld) ? PublishedCount.withheld() : count(e.getValue());
            (count.isShown() ? shown : hidden).add(new Cell(e.getKey(), count));
        }
        // hidden cells follow the shown ones by key, so their place tells nothing of their size
        hidden.sort(Comparator.comparing(Cell::key));
        shown.addAll(hidden);
        return shown;
    }

    /**
     * The cells of a breakdown whose sum must not become known (it would reveal a hidden cell elsewhere):
     * when every cell is shown, the smallest is withheld as well. Cells already hiding something are
     * returned as they are.
     */
    public List<Cell> hidingTheirSum(List<Cell> cells) {
        if (cells.isEmpty() || !cells.stream().allMatch(c -> c.count().isShown())) {
            return cells;
        }
        // shown cells come largest first: the last is the smallest
        List<Cell> hidden = new ArrayList<>(cells.subList(0, cells.size() - 1));
        hidden.add(new Cell(cells.get(cells.size() - 1).key(), PublishedCount.withheld()));
        return hidden;
    }
}
