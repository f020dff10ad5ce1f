package io.salesbi.match.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** Company name levels: 0 exact, 1 close, 2 most words shared, 3 some rare words shared, 4 different. */
class CompanyNameComparisonTest {

    /**
     * Fifty names (word frequencies count from {@value CompanyNameComparison#MIN_NAMES} names on): "consulting" is
     * in 25 of them, "handel" in 20, every other word in one or two.
     */
    private static final String[] LIST = list();

    private static final PreparedField NAMES = new FieldPreparer("DE").prepare(FieldType.COMPANY, LIST);

    private static String[] list() {
        String[] names = new String[50];
        String[] first = {
            "Müller Consulting GmbH",
            "Schmidt Consulting AG",
            "Weber Consulting",
            "Fischer Consulting KG",
            "Wagner Consulting",
            "IBM",
            "International Business Machines Corp.",
            "Bau 2000 GmbH",
            "Bau 3000 GmbH",
            "Rexroth"
        };
        System.arraycopy(first, 0, names, 0, first.length);
        for (int i = first.length; i < names.length; i++) {
            String word = "Q" + (char) ('a' + i / 26) + (char) ('a' + i % 26) + "x";
            names[i] = word + (i < 30 ? " Consulting" : " Handel");
        }
        return names;
    }

    @Test
    void wordsWeighByRarity() {
        // ln(1 + 50 / 25) for "consulting", ln(1 + 50 / 1) for "mueller"
        int mueller = 0;
        String[] tokens = NAMES.tokens()[mueller];
        assertThat(tokens).containsExactly("consulting", "mueller");
        assertThat((double) NAMES.tokenWeights()[mueller][0]).isCloseTo(Math.log(3), within(1e-6));
        assertThat((double) NAMES.tokenWeights()[mueller][1]).isCloseTo(Math.log(51), within(1e-6));
    }

    @Test
    void sharingOnlyACommonWordIsNoAgreement() {
        // cover of each name: ln 3 / (ln 3 + ln 51) = 0.218 < 0.5; the old unweighted overlap 0.5 gave level 3
        assertThat(FieldComparator.compare(NAMES, 0, 1)).isEqualTo(4);
    }

    @Test
    void anAcronymMatchesTheWordsItAbbreviates() {
        // every word of each name matched, by equality or as an acronym: close, as a typo would be
        assertThat(FieldComparator.compare(NAMES, 5, 6)).isEqualTo(1);
        double[] withCountry = CompanyNameComparison.cover(
                new String[] {"deutschland", "ibm"},
                new float[] {1, 3},
                new String[] {"business", "deutschland", "international", "machines"},
                new float[] {2, 1, 2, 2});
        assertThat(withCountry).containsExactly(1.0, 1.0);
    }

    @Test
    void anAcronymMustStandForAllTheOtherNamesRemainingWords() {
        double[] cover = CompanyNameComparison.cover(
                new String[] {"abg"}, new float[] {1}, new String[] {"alpha", "beta", "gamma", "holding"}, new float[] {
                    1, 1, 1, 1
                });
        assertThat(cover).containsExactly(0.0, 0.0);
    }

    @Test
    void numbersInNamesMustAgree() {
        assertThat(FieldComparator.compare(NAMES, 7, 8)).isEqualTo(4);
        assertThat(CompanyNameComparison.numbersConflict(new String[] {"2000", "bau"}, new String[] {"bau"}))
                .isFalse();
    }

    @Test
    void inAShortListEveryWordWeighsTheSame() {
        PreparedField field = new FieldPreparer("DE").prepare(FieldType.COMPANY, new String[] {
            "Schulz Logistik KG", "Hoffmann Logistik KG", "Becker Logistik"
        });
        assertThat(field.tokenWeights()[0]).containsExactly(1f, 1f);
        // one word of two shared: cover 0.5 each, level 3
        assertThat(FieldComparator.compare(field, 0, 1)).isEqualTo(3);
    }

    @Test
    void oneNameWhollyInsideTheOtherSharesMostWords() {
        PreparedField field = new FieldPreparer("DE")
                .prepare(FieldType.COMPANY, new String[] {"Rexroth", "Rexroth Consulting", "Bosch", "Siemens"});
        assertThat(FieldComparator.compare(field, 0, 1)).isEqualTo(2);
    }

    @Test
    void aTypoInALongWordStillMatchesTheWord() {
        // "elektronics" and "electronics": Jaro-Winkler 0.96 >= 0.93, both at least 5 letters
        double[] cover = CompanyNameComparison.cover(
                new String[] {"elektronics", "philips"},
                new float[] {1, 2},
                new String[] {"electronics", "philips"},
                new float[] {1, 2});
        assertThat(cover).containsExactly(1.0, 1.0);
    }

    @Test
    void initialsWrittenApartAreOneWord() {
        PreparedField field = new FieldPreparer("NL")
                .prepare(FieldType.COMPANY, new String[] {"D.S.M. IP Assets B.V.", "DSM IP Assets"});
        assertThat(field.tokens()[0]).containsExactly("assets", "dsm", "ip");
        assertThat(FieldComparator.compare(field, 0, 1)).isEqualTo(1);
    }

    /**
     * Fifty names of which 25 hold "Präzisionstechnik" (the demo's E001909, where "Kpnig" for "König" was held at
     * review) and 25 "Metallbau", so that the shared trade word alone is no agreement.
     */
    private static final PreparedField TRADES = new FieldPreparer("DE").prepare(FieldType.COMPANY, trades());

    private static String[] trades() {
        String[] names = new String[50];
        String[] first = {"Kpnig Präzisionstechnik GmbH", "König Präzisionstechnik GmbH", "Kühn Präzisionstechnik"};
        System.arraycopy(first, 0, names, 0, first.length);
        for (int i = first.length; i < names.length; i++) {
            String word = "Q" + (char) ('a' + i / 26) + (char) ('a' + i % 26) + "x";
            names[i] = word + (i % 2 == 0 ? " Präzisionstechnik" : " Metallbau");
        }
        return names;
    }

    @Test
    void aKeyboardSlipInAShortWordWithAnUmlautIsTheSameName() {
        // "kpnig" / "koenig": Jaro-Winkler 0.88 and two edits as folded; written with plain vowels "kpnig" / "konig"
        // are one substitution apart. Before, only the common trade word was shared (cover 0.26 < 0.5) and the whole
        // names' Jaro-Winkler was 0.8787 < 0.88: level 4, and the pair was held at review
        assertThat(TRADES.tokens()[0]).containsExactly("kpnig", "praezisionstechnik");
        assertThat(TRADES.tokens()[1]).containsExactly("koenig", "praezisionstechnik");
        assertThat(FieldComparator.jaroWinkler(TRADES.value()[0], TRADES.value()[1]))
                .isCloseTo(0.8787, within(1e-4));
        assertThat(CompanyNameComparison.cover(
                        TRADES.tokens()[0], TRADES.tokenWeights()[0], TRADES.tokens()[1], TRADES.tokenWeights()[1]))
                .containsExactly(1.0, 1.0);
        assertThat(FieldComparator.compare(TRADES, 0, 1)).isEqualTo(2);
    }

    @Test
    void anotherNameSharingTheTradeStaysDifferent() {
        // "koenig" / "kuehn": with plain vowels "konig" / "kuhn", four edits; whole names 0.816
        assertThat(FieldComparator.compare(TRADES, 1, 2)).isEqualTo(4);
        assertThat(FieldComparator.compare(TRADES, 0, 2)).isEqualTo(4);
    }

    @Test
    void aSlipNearTheStartOfALongWordIsTheSameWord() {
        // "sxhmidt" / "schmidt": Jaro-Winkler 0.914 < 0.93, one substitution; "schmdit": two letters transposed
        assertThat(FieldComparator.jaroWinkler("sxhmidt", "schmidt")).isLessThan(CompanyNameComparison.SOFT_MATCH);
        assertThat(CompanyNameComparison.cover(
                        new String[] {"metallbau", "sxhmidt"}, new float[] {1, 3},
                        new String[] {"metallbau", "schmidt"}, new float[] {1, 3}))
                .containsExactly(1.0, 1.0);
        assertThat(CompanyNameComparison.spellingVariants("schmidt", "schmdit")).isTrue();
    }

    @Test
    void aNameWrittenWithoutUmlautsIsTheSameName() {
        // "boehm" / "bohm": four letters, too short for an edit, but equal with ö written as o
        assertThat(CompanyNameComparison.plainVowels("koenig")).isEqualTo("konig");
        assertThat(CompanyNameComparison.plainVowels("praezisionstechnik")).isEqualTo("prazisionstechnik");
        assertThat(CompanyNameComparison.cover(
                        new String[] {"boehm", "metallbau"}, new float[] {3, 1},
                        new String[] {"bohm", "metallbau"}, new float[] {3, 1}))
                .containsExactly(1.0, 1.0);
    }

    @Test
    void shortWordsAndNumbersAreNoSpellingVariants() {
        // "kunz" / "kurz": one edit, but in four letters a slip and another family name look alike
        assertThat(CompanyNameComparison.spellingVariants("kunz", "kurz")).isFalse();
        assertThat(CompanyNameComparison.spellingVariants("bau2000", "bau3000")).isFalse();
        assertThat(CompanyNameComparison.cover(
                        new String[] {"kunz", "metallbau"}, new float[] {3, 1},
                        new String[] {"kurz", "metallbau"}, new float[] {3, 1}))
                .containsExactly(0.25, 0.25);
    }

    @Test
    void oneDamerauEdit() {
        assertThat(CompanyNameComparison.withinOneDamerauEdit("weber", "webr")).isTrue();
        assertThat(CompanyNameComparison.withinOneDamerauEdit("weber", "wbeer")).isTrue();
        assertThat(CompanyNameComparison.withinOneDamerauEdit("weber", "weberr"))
                .isTrue();
        assertThat(CompanyNameComparison.withinOneDamerauEdit("weber", "wbere")).isFalse();
        assertThat(CompanyNameComparison.withinOneDamerauEdit("weber", "huber")).isFalse();
    }

    /**
     * A register of 60 sites: 20 of "Young Women's Christian Association" (each named after its place), 20 of
     * "Lutheran Social Services" (most written out, one "LSS"), 20 others. Word frequencies as such a list has them:
     * the umbrella's words common, the places rare.
     */
    private static final PreparedField SITES = new FieldPreparer("US").prepare(FieldType.COMPANY, sites());

    private static String[] sites() {
        String[] names = new String[60];
        for (int i = 0; i < 20; i++) {
            names[i] = "Young Women's Christian Association " + place(i);
            names[20 + i] = "Lutheran Social Services " + place(20 + i) + " Center";
            names[40 + i] = place(40 + i) + " Day Care";
        }
        names[0] = "Young Women's Christian Association Montclare";
        names[1] = "Young Women's Christian Association Oakland";
        names[2] = "Montclare (Young Women's Christian Assn)";
        names[20] = "Lutheran Social Services Douglas Center";
        names[21] = "LSS Douglas";
        names[22] = "LSS Douglas Center";
        names[40] = "Lutheran Day Care";
        names[41] = "LS Day Care";
        names[42] = "Fördertechnik Köln GmbH";
        names[43] = "Fördertechnik Knln GmbH";
        return names;
    }

    private static String place(int i) {
        return "Pl" + (char) ('a' + i / 26) + (char) ('a' + i % 26) + "ce";
    }

    @Test
    void twoSitesOfOneOrganisationNamedAfterTheirPlacesAreDifferentNames() {
        // "young", "womens", "christian", "association" in 20 of 60 names (ln 4 = 1.386 each), "montclare" and
        // "oakland" in one or two (ln 31 = 3.43, ln 61 = 4.11): covers 4 x 1.386 / (5.545 + 3.434) = 0.62 and
        // 5.545 / (5.545 + 4.111) = 0.57 ("some rare words shared", level 3, before), but each keeps a word rarer
        // than any shared one: different names (4), held at review like any two names that disagree
        assertThat(FieldComparator.compare(SITES, 0, 1)).isEqualTo(4);
        // the same site written shorter ("Assn") is close
        assertThat(FieldComparator.compare(SITES, 0, 2)).isEqualTo(1);
        // words of their own that look alike are one word misspelled, not two places: "knln" / "koeln" (the demo's
        // CRM typo, too short for the typo rules) leaves the names close as Jaro-Winkler has them
        assertThat(FieldComparator.compare(SITES, 42, 43)).isEqualTo(1);
        // one name wholly inside the other keeps its level ("most words shared"), whatever the other adds
        assertThat(FieldComparator.compare(SITES, 21, 22)).isEqualTo(2);
    }

    @Test
    void anAcronymStandsForConsecutiveWrittenWordsNextToOthers() {
        // "lss" spells "lutheran social services", written in a row, before "douglas center": every word of
        // "LSS Douglas" is matched, "center" is left over (wholly covered name: level 2)
        CompanyNameComparison.Words words = CompanyNameComparison.words(
                SITES.tokens()[21],
                SITES.tokenWeights()[21],
                SITES.tokens()[20],
                SITES.tokenWeights()[20],
                SITES.value()[21],
                SITES.value()[20]);
        assertThat(words.coverX()).isEqualTo(1.0);
        assertThat(FieldComparator.compare(SITES, 20, 21)).isEqualTo(2);
        assertThat(FieldComparator.compare(SITES, 20, 22)).isEqualTo(1);
        // without the written order the initials must be all the other name's unmatched words, as before
        assertThat(
                        CompanyNameComparison.cover(
                                SITES.tokens()[21],
                                SITES.tokenWeights()[21],
                                SITES.tokens()[20],
                                SITES.tokenWeights()[20])[0])
                .isLessThan(1.0);
    }

    @Test
    void twoLetterAcronymsDoNotStandForARunOfWordsAmongOthers() {
        // "ls" would spell "lutheran social" of "Lutheran Social Services ... Center", but two initials in a row
        // are too common to be taken from a longer name
        CompanyNameComparison.Words words = CompanyNameComparison.words(
                SITES.tokens()[41],
                SITES.tokenWeights()[41],
                SITES.tokens()[23],
                SITES.tokenWeights()[23],
                SITES.value()[41],
                SITES.value()[23]);
        assertThat(words.coverY()).isEqualTo(0.0);
    }
}
