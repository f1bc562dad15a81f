package org.sluice.policy.screening;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Screens names against denied-party lists. Built once per list load (immutable, thread-safe).
 *
 * <p>Classes, as the list documentation defines them: {@code MATCH} when the name is equivalent to an
 * entry's name or alias and the countries agree; {@code POSSIBLE} when it is equivalent in another
 * country, differs in one token by a transliteration variant or a typing error, lacks tokens of the
 * listed name (a middle name, patronymic or second surname; for entities, the descriptors around a
 * distinctive word), each subject to {@link Settings}.
 *
 * <p>Candidates come from an inverted index of tokens, transliteration keys and one-deletion variants, so a
 * lookup touches only names that share a similar token with the query.
 */
public final class ScreeningIndex {

    /**
     * How fuzzy screening is.
     *
     * @param possibleThreshold lowest similarity (0..1) of a varying token for a POSSIBLE hit
     * @param typoMinLength shortest token in which one typing error is tolerated
     * @param distinctiveMaxNames most list names a token may occur in to be distinctive
     */
    public record Settings(double possibleThreshold, int typoMinLength, int distinctiveMaxNames) {
        public static final Settings DEFAULT = new Settings(0.8, 5, 3);
    }

    /**
     * One name or alias of an entry, normalised. Identity equality on purpose: candidate sets hash
     * thousands of these per lookup, and a record would hash its whole entry each time.
     */
    private static final class NameRef {
        private final ListEntry entry;
        private final String listed;
        private final List<String> tokens;
        private final int chars;

        NameRef(ListEntry entry, String listed, List<String> tokens, int chars) {
            this.entry = entry;
            this.listed = listed;
            this.tokens = tokens;
            this.chars = chars;
        }

        ListEntry entry() {
            return entry;
        }

        String listed() {
            return listed;
        }

        List<String> tokens() {
            return tokens;
        }

        int chars() {
            return chars;
        }
    }

    /** Score of a name that reads as the same Mandarin syllables in another romanisation. */
    static final double ROMANISATION_SCORE = 0.9;

    private final Settings settings;
    private final int entries;
    private final Map<List<String>, List<NameRef>> byTokens = new HashMap<>();
    private final Map<String, List<NameRef>> postings = new HashMap<>();
    private final Map<String, Set<String>> bySkeleton = new HashMap<>();
    private final Map<String, Set<String>> byDeletion = new HashMap<>();
    private final Map<String, List<NameRef>> byReading = new HashMap<>();
    private final Map<String, ListEntry> byId = new HashMap<>();
    private final Map<String, String> skeletons = new HashMap<>();

    public ScreeningIndex(Collection<ListEntry> list, Settings settings) {
        this.settings = settings;
        this.entries = list.size();
        for (ListEntry e : list) {
            byId.put(e.entryId(), e);
            Set<List<String>> seen = new HashSet<>();
            List<String> names = new ArrayList<>();
            names.add(e.name());
            names.addAll(e.altNames());
            for (String name : names) {
                List<String> tokens = NameNormaliser.tokens(name, e.entity());
                if (tokens.isEmpty() || !seen.add(tokens)) {
                    continue;
                }
                NameRef ref = new NameRef(e, name, tokens, chars(tokens));
                byTokens.computeIfAbsent(tokens, k -> new ArrayList<>()).add(ref);
                for (String t : new HashSet<>(tokens)) {
                    postings.computeIfAbsent(t, k -> new ArrayList<>()).add(ref);
                }
                if (!e.entity()) {
                    for (String reading : Romanisation.mandarinReadings(tokens)) {
                        byReading
                                .computeIfAbsent(reading, k -> new ArrayList<>())
                                .add(ref);
                    }
                }
            }
        }
        for (String token : postings.keySet()) {
            bySkeleton
                    .computeIfAbsent(NameNormaliser.skeleton(token), k -> new HashSet<>())
                    .add(token);
            if (token.length() >= settings.typoMinLength() - 1) {
                for (String d : deletions(token)) {
                    byDeletion.computeIfAbsent(d, k -> new HashSet<>()).add(token);
                }
            }
        }
    }

    /** The entry with this id, if indexed. */
    public Optional<ListEntry> entry(String entryId) {
        return Optional.ofNullable(byId.get(entryId));
    }

    /** Number of list entries indexed. */
    public int entries() {
        return entries;
    }

    /**
     * Screens one name.
     *
     * @param name the name as written
     * @param country the ISO country it is screened for, or null/empty when unknown
     * @return the strongest hit per entry, MATCH first, then by score
     */
    public List<Hit> screen(String name, String country) {
        Map<String, Hit> best = new LinkedHashMap<>();
        String cleaned = NameNormaliser.clean(name);
        screenAs(NameNormaliser.tokensOfClean(cleaned, false), false, name, country, best);
        screenAs(NameNormaliser.tokensOfClean(cleaned, true), true, name, country, best);
        List<Hit> hits = new ArrayList<>(best.values());
        hits.sort((a, b) -> a.matchClass().equals(b.matchClass())
                ? Double.compare(b.score(), a.score())
                : a.matchClass().equals(ScreeningHit.MATCH) ? -1 : 1);
        return hits;
    }

    /**
     * A screening hit before it is tied to a request.
     *
     * @param matchClass {@code MATCH} or {@code POSSIBLE}
     * @param entry the entry
     * @param listedName the entry's name or alias resembled
     * @param score 0..1 similarity of the two names (Dice over characters, fuzzy tokens weighted)
     * @param relation how they resemble each other
     */
    public record Hit(String matchClass, ListEntry entry, String listedName, double score, String relation) {

        /** This hit as the engine sees it: which name in which role of the request matched. */
        public ScreeningHit asScreeningHit(String screenedName, String role) {
            return new ScreeningHit(
                    matchClass, entry.entryId(), entry.listId(), score, screenedName, listedName, role, relation);
        }
    }

    private void screenAs(List<String> query, boolean entity, String name, String country, Map<String, Hit> best) {
        if (query.isEmpty()) {
            return;
        }
        for (NameRef ref : candidates(query)) {
            if (ref.entry().entity() != entity) {
                continue;
            }
            Hit hit = classify(query, ref, country);
            if (hit != null) {
                best.merge(ref.entry().entryId(), hit, ScreeningIndex::stronger);
            }
        }
        if (!entity) {
            for (String reading : Romanisation.mandarinReadings(query)) {
                for (NameRef ref : byReading.getOrDefault(reading, List.of())) {
                    if (!ref.tokens().equals(query)) {
                        Hit hit = new Hit(
                                ScreeningHit.POSSIBLE,
                                ref.entry(),
                                ref.listed(),
                                ROMANISATION_SCORE,
                                "romanisation variant: the same Mandarin syllables '" + reading + "'");
                        best.merge(ref.entry().entryId(), hit, ScreeningIndex::stronger);
                    }
                }
            }
        }
    }

    private static Hit stronger(Hit a, Hit b) {
        if (!a.matchClass().equals(b.matchClass())) {
            return a.matchClass().equals(ScreeningHit.MATCH) ? a : b;
        }
        return a.score() >= b.score() ? a : b;
    }

    /**
     * Names that can be hits: every hit shares all query tokens but at most one exactly, so with two or
     * more tokens one of the two rarest is shared; a single token may be a variant.
     */
    private Collection<NameRef> candidates(List<String> query) {
        if (query.size() == 1) {
            Set<NameRef> refs = new HashSet<>();
            for (String similar : similarTokens(query.get(0))) {
                refs.addAll(postings.getOrDefault(similar, List.of()));
            }
            return refs;
        }
        List<List<NameRef>> lists = new ArrayList<>();
        for (String t : new HashSet<>(query)) {
            lists.add(postings.getOrDefault(t, List.of()));
        }
        lists.sort((a, b) -> Integer.compare(a.size(), b.size()));
        Set<NameRef> refs = new HashSet<>(lists.get(0));
        if (lists.size() > 1) {
            refs.addAll(lists.get(1));
        }
        return refs;
    }

    private Set<String> similarTokens(String t) {
        Set<String> out = new HashSet<>();
        out.add(t);
        out.addAll(bySkeleton.getOrDefault(NameNormaliser.skeleton(t), Set.of()));
        if (t.length() >= settings.typoMinLength() - 1) {
            out.addAll(byDeletion.getOrDefault(t, Set.of()));
            for (String d : deletions(t)) {
                out.add(d);
                out.addAll(byDeletion.getOrDefault(d, Set.of()));
            }
        }
        return out;
    }

    private Hit classify(List<String> query, NameRef ref, String country) {
        List<String> listed = ref.tokens();
        boolean countryAgrees = country == null
                || country.isEmpty()
                || ref.entry().countries().isEmpty()
                || ref.entry().countries().contains(country);
        if (listed.equals(query)) {
            return countryAgrees
                    ? new Hit(ScreeningHit.MATCH, ref.entry(), ref.listed(), 1.0, "equivalent name")
                    : new Hit(ScreeningHit.POSSIBLE, ref.entry(), ref.listed(), 1.0, "equivalent name, other country");
        }
        Difference diff = Difference.of(query, listed);
        if (diff.onlyQuery() == 1 && diff.onlyListed() == 1) {
            String q = diff.firstOnlyQuery();
            String l = diff.firstOnlyListed();
            double similarity = similarity(q, l);
            if (similarity >= settings.possibleThreshold()) {
                String relation = Romanisation.sameKoreanFamilyName(q, l)
                        ? "Korean family-name romanisation '" + q + "' for '" + l + "'"
                        : skeleton(q).equals(skeleton(l))
                                ? "transliteration variant '" + q + "' for '" + l + "'"
                                : "one typing error: '" + q + "' for '" + l + "'";
                int weighted = chars(query) - q.length();
                double score = (2.0 * (weighted + q.length() * similarity)) / (chars(query) + ref.chars());
                return new Hit(ScreeningHit.POSSIBLE, ref.entry(), ref.listed(), round(score), relation);
            }
            return null;
        }
        if (diff.onlyQuery() == 0 && diff.onlyListed() > 0) {
            boolean partial = ref.entry().entity()
                    ? query.stream().anyMatch(t -> postings.get(t).size() <= settings.distinctiveMaxNames())
                    : query.size() >= 2 && diff.onlyListed() <= 2;
            if (partial) {
                List<String> missing = new ArrayList<>(listed);
                query.forEach(missing::remove);
                double score = (2.0 * chars(query)) / (chars(query) + ref.chars());
                String relation = ref.entry().entity()
                        ? "partial name without " + missing
                        : "listed name has more parts " + missing;
                return new Hit(ScreeningHit.POSSIBLE, ref.entry(), ref.listed(), round(score), relation);
            }
        }
        return null;
    }

    /**
     * How two sorted token lists differ, found in one merge pass without allocating: how many tokens each
     * has that the other lacks, and the first of them.
     */
    private record Difference(int onlyQuery, String firstOnlyQuery, int onlyListed, String firstOnlyListed) {
        static Difference of(List<String> query, List<String> listed) {
            int i = 0;
            int j = 0;
            int onlyQ = 0;
            int onlyL = 0;
            String firstQ = null;
            String firstL = null;
            while (i < query.size() && j < listed.size()) {
                int c = query.get(i).compareTo(listed.get(j));
                if (c == 0) {
                    i++;
                    j++;
                } else if (c < 0) {
                    firstQ = onlyQ++ == 0 ? query.get(i) : firstQ;
                    i++;
                } else {
                    firstL = onlyL++ == 0 ? listed.get(j) : firstL;
                    j++;
                }
            }
            if (i < query.size()) {
                firstQ = onlyQ == 0 ? query.get(i) : firstQ;
                onlyQ += query.size() - i;
            }
            if (j < listed.size()) {
                firstL = onlyL == 0 ? listed.get(j) : firstL;
                onlyL += listed.size() - j;
            }
            return new Difference(onlyQ, firstQ, onlyL, firstL);
        }
    }

    /**
     * Similarity of two different tokens: romanisations of one Korean family name and transliteration
     * variants 0.9, one edit 1 - 1/length, else 0.
     */
    double similarity(String a, String b) {
        if (a.equals(b)) {
            return 1.0;
        }
        if (Romanisation.sameKoreanFamilyName(a, b)) {
            return ROMANISATION_SCORE;
        }
        if (Math.abs(a.length() - b.length()) > 3) {
            return 0.0; // no transliteration variant or single edit differs this much in length
        }
        String sa = skeleton(a);
        String sb = skeleton(b);
        if (sa.equals(sb) && sa.length() >= 2) {
            return 0.9;
        }
        int min = Math.min(a.length(), b.length());
        if (min >= settings.typoMinLength() && editDistance(a, b) == 1) {
            return 1.0 - 1.0 / Math.max(a.length(), b.length());
        }
        if (Math.min(sa.length(), sb.length()) >= 4 && editDistance(sa, sb) == 1) {
            return 0.85;
        }
        return 0.0;
    }

    private String skeleton(String token) {
        String known = skeletons.get(token);
        return known != null ? known : NameNormaliser.skeleton(token);
    }

    /** Optimal-string-alignment distance (insertions, deletions, substitutions, adjacent transpositions). */
    static int editDistance(String a, String b) {
        if (Math.abs(a.length() - b.length()) > 2) {
            return 3;
        }
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }

    private static List<String> deletions(String t) {
        List<String> out = new ArrayList<>(t.length());
        for (int i = 0; i < t.length(); i++) {
            out.add(t.substring(0, i) + t.substring(i + 1));
        }
        return out;
    }

    private static int chars(List<String> tokens) {
        int n = 0;
        for (String t : tokens) {
            n += t.length();
        }
        return n;
    }

    private static double round(double score) {
        return Math.round(score * 1000) / 1000.0;
    }
}
