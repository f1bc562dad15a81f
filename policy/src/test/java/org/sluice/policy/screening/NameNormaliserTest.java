package org.sluice.policy.screening;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The one-pass cleaning of ASCII names reads every name exactly as the documented Unicode steps do. */
class NameNormaliserTest {

    private static final String ALPHABET = "aAbZz09 .'`&-_,/()\t\"!?:;~^|\\@#$%*+=<>[]{}\u0000\u007f";

    @Test
    void asciiNamesCleanTheSameOnBothPaths() {
        Random random = new Random(20261206L);
        for (int n = 0; n < 50_000; n++) {
            StringBuilder name = new StringBuilder();
            int length = random.nextInt(24);
            for (int i = 0; i < length; i++) {
                name.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
            }
            String text = name.toString();
            assertThat(NameNormaliser.cleanAscii(text))
                    .as("clean of \"%s\"", text)
                    .isEqualTo(NameNormaliser.cleanUnicode(text));
        }
    }

    @Test
    void examplesOfTheDocumentedSteps() {
        assertThat(NameNormaliser.clean("  Dr. O'Neill & Sons, Ltd.  ")).isEqualTo("dr oneill and sons ltd");
        assertThat(NameNormaliser.clean("&Co")).isEqualTo("and co");
        assertThat(NameNormaliser.clean("Ærø Müller-Lüdenscheidt")).isEqualTo("aero muller ludenscheidt");
        assertThat(NameNormaliser.tokens("Dr. Anna Keller", false)).isEqualTo(List.of("anna", "keller"));
        assertThat(NameNormaliser.tokens("Keller Holding GmbH", true)).isEqualTo(List.of("holding", "keller"));
    }
}
