package org.sluice.policy.screening;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Normalises names for screening exactly as the screening list's documentation defines it: Unicode
 * decomposition without marks and a few letter folds, lower case, no dots or apostrophes, {@code &} as
 * {@code and}, other punctuation as spaces, no honorifics, no legal forms (entities only), tokens sorted.
 * Two names are equivalent when their normalised tokens are equal.
 */
public final class NameNormaliser {

    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern DELETED = Pattern.compile("[.'’ʼʻ`´]");
    private static final Pattern SEPARATORS = Pattern.compile("[^\\p{L}\\p{N}]+");
    private static final String[][] FOLDS = {
        {"ß", "ss"},
        {"æ", "ae"},
        {"œ", "oe"},
        {"ø", "o"},
        {"đ", "d"},
        {"ł", "l"},
        {"ı", "i"},
        {"þ", "th"},
        {"ð", "d"},
        {"ħ", "h"}
    };
    private static final Set<String> HONORIFICS = Set.of(
            "mr",
            "mrs",
            "ms",
            "miss",
            "mx",
            "dr",
            "dra",
            "prof",
            "professor",
            "sir",
            "dame",
            "sheikh",
            "shaikh",
            "shaykh",
            "sayyid",
            "sayed",
            "seyed",
            "seyyed",
            "haji",
            "hajji",
            "hadji",
            "hajj",
            "eng",
            "engr",
            "ing",
            "gen",
            "col",
            "maj",
            "capt",
            "lt",
            "mullah");
    private static final List<List<String>> LEGAL_PHRASES = List.of(
            List.of("s", "de", "rl", "de", "cv"),
            List.of("sa", "de", "cv"),
            List.of("gufen", "youxian", "gongsi"),
            List.of("youxian", "gongsi"),
            List.of("kabushiki", "kaisha"),
            List.of("sdn", "bhd"),
            List.of("ltd", "sti"),
            List.of("pte", "ltd"),
            List.of("pty", "ltd"),
            List.of("pvt", "ltd"),
            List.of("co", "ltd"),
            List.of("fz", "llc"),
            List.of("san", "ve", "tic", "as"));
    private static final Set<String> LEGAL_TOKENS = Set.of(
            "ab",
            "ag",
            "ao",
            "as",
            "bhd",
            "bv",
            "ca",
            "cjsc",
            "co",
            "company",
            "corp",
            "corporation",
            "dmcc",
            "fzc",
            "fzco",
            "fze",
            "gmbh",
            "inc",
            "incorporated",
            "jsc",
            "kg",
            "kk",
            "limited",
            "llc",
            "llp",
            "lp",
            "ltd",
            "ltda",
            "nv",
            "oao",
            "ojsc",
            "ooo",
            "oy",
            "pao",
            "pjsc",
            "plc",
            "pt",
            "pte",
            "pty",
            "pvt",
            "sa",
            "sarl",
            "sas",
            "sdn",
            "spa",
            "srl",
            "sti",
            "tnhh",
            "zao");

    private NameNormaliser() {}

    /** The sorted tokens of a name; {@code entity} also drops legal forms. */
    public static List<String> tokens(String name, boolean entity) {
        return tokensOfClean(clean(name), entity);
    }

    /** {@link #tokens} of a name already {@link #clean cleaned}, so one name screened two ways is cleaned once. */
    static List<String> tokensOfClean(String cleaned, boolean entity) {
        List<String> tokens = new ArrayList<>(Arrays.asList(cleaned.split(" ")));
        tokens.removeIf(t -> t.isEmpty() || HONORIFICS.contains(t));
        if (entity) {
            for (List<String> phrase : LEGAL_PHRASES) {
                removePhrase(tokens, phrase);
            }
            tokens.removeIf(LEGAL_TOKENS::contains);
        }
        Collections.sort(tokens);
        return List.copyOf(tokens);
    }

    /** Steps 1 to 4: folded, lower-case text with single spaces between tokens. */
    static String clean(String name) {
        return isAscii(name) ? cleanAscii(name) : cleanUnicode(name);
    }

    private static boolean isAscii(String name) {
        for (int i = 0; i < name.length(); i++) {
            if (name.charAt(i) >= 0x80) {
                return false;
            }
        }
        return true;
    }

    /**
     * {@link #cleanUnicode} for text of ASCII only, in one pass: nothing to decompose or fold, so letters are
     * lower-cased, {@code . ' `} dropped, {@code &} read as {@code and}, and every other run of characters
     * becomes one space.
     */
    static String cleanAscii(String name) {
        StringBuilder out = new StringBuilder(name.length() + 8);
        boolean gap = false;
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c >= 'A' && c <= 'Z') {
                c = (char) (c + ('a' - 'A'));
            }
            if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
                if (gap && out.length() > 0) {
                    out.append(' ');
                }
                gap = false;
                out.append(c);
            } else if (c == '&') {
                if (out.length() > 0) {
                    out.append(' ');
                }
                out.append("and");
                gap = true;
            } else if (c != '.' && c != '\'' && c != '`') {
                gap = true;
            }
        }
        return out.toString();
    }

    /** Steps 1 to 4 for any text: decomposition without marks, folds, deletions, separators. */
    static String cleanUnicode(String name) {
        String s =
                MARKS.matcher(Normalizer.normalize(name, Normalizer.Form.NFKD)).replaceAll("");
        s = s.toLowerCase(Locale.ROOT);
        for (String[] fold : FOLDS) {
            s = s.replace(fold[0], fold[1]);
        }
        s = DELETED.matcher(s).replaceAll("");
        s = s.replace("&", " and ");
        return SEPARATORS.matcher(s).replaceAll(" ").trim();
    }

    private static void removePhrase(List<String> tokens, List<String> phrase) {
        for (int i = 0; i + phrase.size() <= tokens.size(); ) {
            if (tokens.subList(i, i + phrase.size()).equals(phrase)) {
                tokens.subList(i, i + phrase.size()).clear();
            } else {
                i++;
            }
        }
    }

    /**
     * A transliteration key of a token: consonants only ({@code x} as {@code ks}, {@code ph} as {@code f}),
     * doubled letters once. {@code mohammed}, {@code muhammad} and {@code mohamad} share {@code mhmd}.
     */
    public static String skeleton(String token) {
        String s = token.replace("x", "ks").replace("ph", "f");
        StringBuilder b = new StringBuilder(s.length());
        char last = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if ("aeiouyw".indexOf(c) >= 0) {
                last = 0;
                continue;
            }
            if (c != last) {
                b.append(c);
            }
            last = c;
        }
        return b.toString();
    }
}
