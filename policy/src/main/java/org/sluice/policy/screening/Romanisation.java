package org.sluice.policy.screening;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Romanisation variants of Chinese and Korean names: the same Mandarin syllables written in pinyin,
 * Wade-Giles (aspiration apostrophes are deleted by the normaliser, so {@code ch'en} reads {@code chen})
 * or Cantonese (Hong Kong government) spelling, and the same Korean family name in its usual
 * romanisations. Pure and immutable.
 *
 * <p>A name's Mandarin readings: every token split into syllables of the three systems, each syllable
 * replaced by the pinyin syllables it can stand for, and the syllables sorted (word order and the split
 * of a given name into words do not matter: {@code Cheung Wai-ming} and {@code Zhang Weiming} both read
 * {@code ming wei zhang}).
 */
public final class Romanisation {

    /** Every pinyin syllable, tone marks and the umlaut dropped as the normaliser drops them. */
    private static final String PINYIN = "a ai an ang ao "
            + "ba bai ban bang bao bei ben beng bi bian biao bie bin bing bo bu "
            + "ca cai can cang cao ce cen ceng cha chai chan chang chao che chen cheng chi chong chou chu chua "
            + "chuai chuan chuang chui chun chuo ci cong cou cu cuan cui cun cuo "
            + "da dai dan dang dao de dei den deng di dia dian diao die ding diu dong dou du duan dui dun duo "
            + "e ei en eng er fa fan fang fei fen feng fo fou fu "
            + "ga gai gan gang gao ge gei gen geng gong gou gu gua guai guan guang gui gun guo "
            + "ha hai han hang hao he hei hen heng hong hou hu hua huai huan huang hui hun huo "
            + "ji jia jian jiang jiao jie jin jing jiong jiu ju juan jue jun "
            + "ka kai kan kang kao ke ken keng kong kou ku kua kuai kuan kuang kui kun kuo "
            + "la lai lan lang lao le lei leng li lia lian liang liao lie lin ling liu long lou lu luan lue lun luo "
            + "ma mai man mang mao me mei men meng mi mian miao mie min ming miu mo mou mu "
            + "na nai nan nang nao ne nei nen neng ni nian niang niao nie nin ning niu nong nou nu nuan nue nuo "
            + "o ou pa pai pan pang pao pei pen peng pi pian piao pie pin ping po pou pu "
            + "qi qia qian qiang qiao qie qin qing qiong qiu qu quan que qun "
            + "ran rang rao re ren reng ri rong rou ru ruan rui run ruo "
            + "sa sai san sang sao se sen seng sha shai shan shang shao she shei shen sheng shi shou shu shua "
            + "shuai shuan shuang shui shun shuo si song sou su suan sui sun suo "
            + "ta tai tan tang tao te teng ti tian tiao tie ting tong tou tu tuan tui tun tuo "
            + "wa wai wan wang wei wen weng wo wu xi xia xian xiang xiao xie xin xing xiong xiu xu xuan xue xun "
            + "ya yan yang yao ye yi yin ying yo yong you yu yuan yue yun "
            + "za zai zan zang zao ze zei zen zeng zha zhai zhan zhang zhao zhe zhei zhen zheng zhi zhong zhou "
            + "zhu zhua zhuai zhuan zhuang zhui zhun zhuo zi zong zou zu zuan zui zun zuo";

    /** Cantonese (Hong Kong) spellings of common surnames and given-name syllables, and their pinyin. */
    private static final String[] CANTONESE = {
        "au ou",
        "chak ze",
        "chan chen",
        "chau zhou qiu",
        "cheuk zhuo",
        "cheung zhang xiang chang",
        "chi zhi chi ci zi",
        "chiu zhao chao qiu",
        "choi cai",
        "chor chu",
        "chow zhou",
        "chu zhu",
        "chuen quan chuan",
        "chun zhen jun chun",
        "chung zhong",
        "fai hui",
        "fat fa",
        "fok huo",
        "fook fu",
        "fung feng",
        "hau hou",
        "hin xian",
        "hing xing qing",
        "ho he hao",
        "hoi hai kai",
        "hon han",
        "hui xu",
        "hung xiong hong kong",
        "ka jia",
        "kai qi jie",
        "kam jin gan",
        "kan jian",
        "kei ji qi",
        "keung qiang jiang",
        "kin jian",
        "king jing qing",
        "kit jie",
        "ko gao",
        "kong jiang",
        "koo gu",
        "kuen quan",
        "kwai gui",
        "kwan guan jun kun",
        "kwok guo",
        "kwong guang kuang",
        "lai li lai",
        "lam lin",
        "lau liu",
        "law luo",
        "lee li",
        "leung liang",
        "lo lu luo",
        "lok le luo",
        "lui lei lu",
        "lung long",
        "mak mai",
        "man wen min",
        "ming ming",
        "mok mo",
        "ng wu",
        "on an",
        "pak bai bo",
        "po bao bo",
        "poon pan",
        "pui pei",
        "pun pan",
        "sai xi",
        "sham shen cen",
        "shek shi",
        "shing sheng cheng",
        "shum shen cen",
        "sing sheng cheng xing",
        "siu xiao",
        "so su",
        "suen sun",
        "sum shen xin",
        "sze si shi",
        "tai dai",
        "tak de",
        "tam tan",
        "tang deng tang",
        "tin tian",
        "ting ding",
        "to du tao",
        "tong tang",
        "tse xie",
        "tsang zeng",
        "tsoi cai",
        "tsui xu cui",
        "tsun jun zun",
        "tsz zi ci",
        "tung dong",
        "wah hua",
        "wai wei hui",
        "wan yun wen",
        "wing rong yong",
        "wong huang wang",
        "yan en ren xin yan",
        "yat yi",
        "yau you qiu",
        "yee yi er",
        "yeung yang",
        "yim yan",
        "yin xian yan",
        "yip ye",
        "yiu yao",
        "yuen yuan ruan",
        "yuk yu",
        "yung rong weng"
    };

    /** Romanisations of the same Korean family name (Revised, McCune-Reischauer, DPRK, customary). */
    private static final String[] KOREAN_FAMILY_NAMES = {
        "lee yi rhee ri i rhie",
        "park pak bak bahk",
        "choi choe chwe choy",
        "kim gim",
        "jung jeong chung chong cheong",
        "kang gang",
        "cho jo joe",
        "yoon yun youn",
        "jang chang",
        "lim im rim yim",
        "han hahn",
        "oh o",
        "seo suh so",
        "shin sin shinn",
        "kwon gwon kweon",
        "hwang whang",
        "ahn an",
        "ryu yu yoo rhyu ryoo",
        "jeon chun jun chon cheon",
        "ko go koh",
        "moon mun",
        "yang ryang",
        "son sohn",
        "bae pae",
        "baek paek paik baik",
        "heo hur huh",
        "noh roh no ro",
        "kwak gwak",
        "sung seong",
        "joo ju chu",
        "na ra",
        "ji chi",
        "eom um uhm",
        "bang pang",
        "gong kong",
        "hyun hyeon hyon"
    };

    /** Most readings a name may have before it is not compared this way (ambiguous beyond use). */
    static final int MAX_READINGS = 256;

    /** Pinyin initials, two-letter ones first. */
    private static final String[] INITIALS = {
        "zh", "ch", "sh", "b", "p", "m", "f", "d", "t", "n", "l", "g", "k", "h", "j", "q", "x", "r", "z", "c", "s"
    };

    private static final int LONGEST_SYLLABLE = 6;
    private static final Map<String, Set<String>> SYLLABLES = syllables();
    private static final Map<String, Integer> KOREAN = korean();

    private Romanisation() {}

    /** Whether two different tokens romanise the same Korean family name ({@code choi}, {@code choe}). */
    public static boolean sameKoreanFamilyName(String a, String b) {
        Integer ga = KOREAN.get(a);
        return ga != null && ga.equals(KOREAN.get(b));
    }

    /**
     * The Mandarin readings of a name's normalised tokens (each the sorted pinyin syllables joined by
     * spaces), or none when a token is no sequence of syllables, the name has fewer than two tokens, or
     * it has more than {@value #MAX_READINGS} readings.
     */
    public static Set<String> mandarinReadings(List<String> tokens) {
        if (tokens.size() < 2) {
            return Set.of();
        }
        List<List<Set<String>>> perToken = new ArrayList<>(tokens.size());
        for (String t : tokens) {
            List<Set<String>> options = segmentations(t);
            if (options.isEmpty()) {
                return Set.of();
            }
            perToken.add(options);
        }
        // each option of a token is one split of it, as the set of syllable sequences it reads
        List<List<String>> partial = List.of(List.of());
        for (List<Set<String>> options : perToken) {
            List<List<String>> next = new ArrayList<>();
            for (List<String> prefix : partial) {
                for (Set<String> option : options) {
                    for (String reading : option) {
                        List<String> longer = new ArrayList<>(prefix);
                        longer.addAll(List.of(reading.split(" ")));
                        next.add(longer);
                        if (next.size() > MAX_READINGS) {
                            return Set.of();
                        }
                    }
                }
            }
            partial = next;
        }
        Set<String> out = new HashSet<>();
        for (List<String> syllables : partial) {
            List<String> sorted = new ArrayList<>(syllables);
            sorted.sort(null);
            out.add(String.join(" ", sorted));
        }
        return out;
    }

    /**
     * Every split of a token into syllables, each as the set of its pinyin readings (syllables joined by
     * spaces, in order). Syllables starting with a vowel only begin a token: inside one, pinyin writes
     * them after an apostrophe, which the normaliser has deleted, and allowing them everywhere would read
     * almost any word.
     */
    private static List<Set<String>> segmentations(String token) {
        List<Set<String>> out = new ArrayList<>();
        split(token, 0, new ArrayList<>(), out);
        return out;
    }

    private static void split(String token, int from, List<Set<String>> syllables, List<Set<String>> out) {
        if (from == token.length()) {
            Set<String> readings = new TreeSet<>();
            readings.add("");
            for (Set<String> s : syllables) {
                Set<String> longer = new TreeSet<>();
                for (String prefix : readings) {
                    for (String p : s) {
                        longer.add(prefix.isEmpty() ? p : prefix + " " + p);
                    }
                }
                readings = longer;
                if (readings.size() > MAX_READINGS) {
                    return;
                }
            }
            out.add(readings);
            return;
        }
        if (out.size() > MAX_READINGS) {
            return;
        }
        for (int end = from + 1; end <= Math.min(token.length(), from + LONGEST_SYLLABLE); end++) {
            if (from > 0 && "aeiou".indexOf(token.charAt(from)) >= 0) {
                return;
            }
            Set<String> readings = SYLLABLES.get(token.substring(from, end));
            if (readings != null) {
                syllables.add(readings);
                split(token, end, syllables, out);
                syllables.remove(syllables.size() - 1);
            }
        }
    }

    private static Map<String, Set<String>> syllables() {
        Map<String, Set<String>> m = new HashMap<>();
        for (String p : PINYIN.split(" ")) {
            m.computeIfAbsent(p, k -> new TreeSet<>()).add(p);
            m.computeIfAbsent(wadeGiles(p), k -> new TreeSet<>()).add(p);
            if (p.equals("si")) {
                m.computeIfAbsent("szu", k -> new TreeSet<>()).add(p);
            }
        }
        for (String row : CANTONESE) {
            String[] f = row.split(" ");
            for (int i = 1; i < f.length; i++) {
                m.computeIfAbsent(f[0], k -> new TreeSet<>()).add(f[i]);
            }
        }
        Map<String, Set<String>> frozen = new HashMap<>();
        m.forEach((k, v) -> frozen.put(k, Set.copyOf(v)));
        return Map.copyOf(frozen);
    }

    /** The Wade-Giles spelling of a pinyin syllable, without the aspiration apostrophe and umlaut. */
    static String wadeGiles(String pinyin) {
        String initial = "";
        for (String i : INITIALS) {
            if (pinyin.startsWith(i) && pinyin.length() > i.length()) {
                initial = i;
                break;
            }
        }
        String fin = pinyin.substring(initial.length());
        String wgInitial = switch (initial) {
            case "b" -> "p";
            case "d" -> "t";
            case "g" -> "k";
            case "zh", "j", "q" -> "ch";
            case "x" -> "hs";
            case "r" -> "j";
            case "z", "c" -> "ts";
            default -> initial;
        };
        if (fin.equals("i") && (initial.equals("z") || initial.equals("c"))) {
            return "tzu";
        }
        if (fin.equals("i") && initial.equals("s")) {
            return "ssu";
        }
        if (fin.equals("i")
                && (initial.equals("zh") || initial.equals("ch") || initial.equals("sh") || initial.equals("r"))) {
            return wgInitial + "ih";
        }
        String wgFinal = switch (fin) {
            case "ong" -> "ung";
            case "iong" -> "iung";
            case "ian" -> "ien";
            case "ie" -> "ieh";
            case "ue" -> "ueh";
            case "er" -> "erh";
            case "e" -> Set.of("", "g", "k", "h").contains(initial) ? "o" : "e";
            case "uo" -> Set.of("g", "k", "h", "sh").contains(initial) ? "uo" : "o";
            case "ui" -> Set.of("g", "k").contains(initial) ? "uei" : "ui";
            default -> fin;
        };
        if (initial.isEmpty()) {
            return switch (pinyin) {
                case "yi" -> "i";
                case "ye" -> "yeh";
                case "you" -> "yu";
                case "yong" -> "yung";
                case "yan" -> "yen";
                case "yue" -> "yueh";
                default -> wgFinal;
            };
        }
        return wgInitial + wgFinal;
    }

    private static Map<String, Integer> korean() {
        Map<String, Integer> m = new HashMap<>();
        for (int g = 0; g < KOREAN_FAMILY_NAMES.length; g++) {
            for (String name : KOREAN_FAMILY_NAMES[g].split(" ")) {
                if (m.put(name, g) != null) {
                    throw new IllegalStateException("Korean family name in two groups: " + name);
                }
            }
        }
        return Map.copyOf(m);
    }
}
