package org.sluice.bench.policy;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.sluice.policy.screening.ListEntry;
import org.sluice.policy.screening.NameNormaliser;
import org.sluice.policy.screening.ScreeningIndex;

/**
 * Screening lookup against a generated list of 100,000 entries (names from syllables, a third of them
 * entities with legal forms, aliases on a third): an exact name, a name with a typing error, and a name
 * on no list. Baseline in the same run: normalising the query only.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class ScreeningBench {

    private static final String[] SYLLABLES = {
        "ka", "ri", "mo", "ta", "ne", "sha", "lu", "vo", "zen", "dar", "mir", "kov", "ba", "han", "li", "sor", "fe",
        "gal", "tor", "vin", "esh", "ul", "ro", "pa", "qui", "den", "stra", "mel", "jor", "wen"
    };
    private static final String[] FORMS = {"LLC", "Ltd", "GmbH", "Co., Ltd.", "FZE", "OOO", "JSC", "Sdn Bhd"};

    @Param({"100000"})
    public int entries;

    private ScreeningIndex index;
    private String exact;
    private String typo;
    private final String absent = "Wilhelmina Oosterhuis-Vandenbroucke";

    @Setup
    public void setUp() {
        Random random = new Random(20261123);
        List<ListEntry> list = new ArrayList<>(entries);
        for (int i = 0; i < entries; i++) {
            boolean entity = i % 3 == 0;
            String name = entity
                    ? word(random, 3) + " " + word(random, 2) + " " + FORMS[random.nextInt(FORMS.length)]
                    : word(random, 2) + " " + word(random, 2) + " " + word(random, 3);
            List<String> aliases = i % 3 == 1 ? List.of(word(random, 2) + " " + word(random, 3)) : List.of();
            list.add(new ListEntry("bench", "SYN-B-" + i, entity, name, aliases, List.of("XX"), List.of(), "d" + i));
        }
        index = new ScreeningIndex(list, ScreeningIndex.Settings.DEFAULT);
        ListEntry target = list.get(entries / 2 + 1);
        exact = target.name();
        // swap two letters inside the first word (two syllables or more, so at least four letters)
        typo = exact.substring(0, 2) + exact.charAt(3) + exact.charAt(2) + exact.substring(4);
        if (index.screen(exact, "XX").isEmpty() || index.screen(typo, "XX").isEmpty()) {
            throw new IllegalStateException("the generated queries must hit: " + exact + " / " + typo);
        }
    }

    private static String word(Random random, int syllables) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < syllables; i++) {
            b.append(SYLLABLES[random.nextInt(SYLLABLES.length)]);
        }
        b.setCharAt(0, Character.toUpperCase(b.charAt(0)));
        return b.toString();
    }

    @Benchmark
    public List<String> baselineNormaliseOnly() {
        return NameNormaliser.tokens(exact, true);
    }

    @Benchmark
    public List<ScreeningIndex.Hit> screenExactName() {
        return index.screen(exact, "XX");
    }

    @Benchmark
    public List<ScreeningIndex.Hit> screenNameWithTypo() {
        return index.screen(typo, "XX");
    }

    @Benchmark
    public List<ScreeningIndex.Hit> screenNameOnNoList() {
        return index.screen(absent, "NL");
    }
}
