package io.salesbi.match.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The comparisons of a bibliography: titles as free text with rare-word weighting and numbers that must agree
 * (levels 0 exact, 1 close, 2 most words, 3 some words, 4 different), author lists by the persons they share (0
 * exact, 1 same persons, 2 most, 3 some, 4 different) and years within one (0 equal, 1 one apart, 2 different). Lists
 * of fewer than 50 values weigh every word and surname 1, so the covers below are counts.
 */
class BibliographicComparisonTest {

    private static final FieldPreparer PREPARER = new FieldPreparer("DE");

    private static int text(String x, String y) {
        return FieldComparator.compare(PREPARER.prepare(FieldType.TEXT, new String[] {x, y}), 0, 1);
    }

    private static int persons(String x, String y) {
        return FieldComparator.compare(PREPARER.prepare(FieldType.PERSONS, new String[] {x, y}), 0, 1);
    }

    private static int year(String x, String y) {
        return FieldComparator.compare(PREPARER.prepare(FieldType.YEAR, new String[] {x, y}), 0, 1);
    }

    @Test
    void aTitleWithOneMoreWordIsClose() {
        // words without stop words: query, optimization, distributed, databases / … database, systems; "databases"
        // and "database" are one word (Jaro-Winkler 0.98): covers 4/4 and 4/5 = 0.8
        assertThat(text(
                        "Query optimization in distributed databases",
                        "Query Optimization in Distributed Database Systems"))
                .isEqualTo(1);
    }

    @Test
    void titlesDifferingOnlyInCaseAndPunctuationAreExact() {
        assertThat(text("Aurora: A Data Stream Management System", "AURORA - a data-stream management system"))
                .isZero();
        // a typo in a long word is close; so is a word written apart
        assertThat(text("Aurora: A Data Stream Management System", "Aurora: A Data Stream Managment System"))
                .isEqualTo(1);
        assertThat(text("Multidimensional index structures", "Multi-dimensional index structures"))
                .isEqualTo(1);
    }

    @Test
    void aLongCommonBeginningIsNotAgreement() {
        // Jaro-Winkler 0.94 on the whole titles, close by the old rule; a word replaced, covers 4/5 and 4/5: most
        // words, not close
        assertThat(FieldComparator.jaroWinkler(
                        "query optimization for distributed object databases",
                        "query optimization for distributed spatial databases"))
                .isGreaterThan(0.92);
        assertThat(text(
                        "Query optimization for distributed object databases",
                        "Query optimization for distributed spatial databases"))
                .isEqualTo(2);
    }

    @Test
    void versionsAndPartsMustAgree() {
        assertThat(text("The Value of Merge-Join in SQL Server 7.0", "The Value of Merge-Join in SQL Server 2000"))
                .isEqualTo(4);
        assertThat(text("Temporal databases, Part 1", "Temporal databases, Part 2"))
                .isEqualTo(4);
        assertThat(text("Report on the workshop on data quality (1999)", "Report on the workshop on data quality 2000"))
                .isEqualTo(4);
        // a roman numeral is its number, a year its two last digits, and "7.0" is "7"
        assertThat(text("Temporal databases, Part II", "Temporal databases part 2"))
                .isEqualTo(1);
        assertThat(text("Report on DART '96", "Report on DART 1996")).isEqualTo(1);
        assertThat(text("SQL Server 7.0 internals", "SQL Server 7 internals")).isEqualTo(1);
    }

    @Test
    void aNumberAloneIsComparedForTypos() {
        // an id of digits: one digit typed wrong is close, as before
        assertThat(text("1234567", "1234568")).isEqualTo(1);
        assertThat(text("1234567", "7654321")).isEqualTo(4);
    }

    @Test
    void aCommonWordSharedIsNotAgreementInALongList() {
        // 50 titles, 25 of them with "databases": sharing it covers ln 3 / (ln 3 + ln 51) = 0.22 of each title
        String[] titles = new String[50];
        titles[0] = "Cubetree databases";
        titles[1] = "Gridfile databases";
        for (int i = 2; i < titles.length; i++) {
            titles[i] = "Title" + (char) ('a' + i / 26) + (char) ('a' + i % 26) + (i < 25 ? " databases" : " mining");
        }
        PreparedField field = PREPARER.prepare(FieldType.TEXT, titles);

        assertThat(FieldComparator.compare(field, 0, 1)).isEqualTo(4);
    }

    /**
     * 30 papers in both lists, and "Editorial" 10 times (so its exact agreement is adjusted for its frequency): the
     * editorial of one editor in 1999 (list A) and 2001 (list B) is two papers, as is an editorial of 2000 by two
     * editors; the editorial of 2002 by one editor in both lists is one. Fixed m and u as EM estimates them on a
     * bibliography: true pairs two years apart are rare (m 0.005).
     */
    @Test
    void twoEditorialsOfDifferentYearsOrEditorsAreNotLinked() {
        int papers = 30;
        List<String[]> a = new ArrayList<>();
        List<String[]> b = new ArrayList<>();
        for (int p = 0; p < papers; p++) {
            String word = "Topic" + (char) ('a' + p / 26) + (char) ('a' + p % 26);
            a.add(new String[] {word + " query processing", "Ann " + word + "son", "2000"});
            b.add(new String[] {word + " Query Processing", "A. " + word + "son", "2000"});
        }
        a.add(new String[] {"Editorial", "Richard T. Snodgrass", "1999"});
        b.add(new String[] {"Editorial", "R. T. Snodgrass", "2001"});
        a.add(new String[] {"Editorial", "Serge Abiteboul", "2000"});
        b.add(new String[] {"Editorial", "Victor Vianu", "2000"});
        a.add(new String[] {"Editorial", "Jennifer Widom", "2002"});
        b.add(new String[] {"Editorial", "J. Widom", "2002"});
        for (int e = 0; e < 2; e++) {
            a.add(new String[] {"Editorial", "Ed Editor" + e, String.valueOf(1990 + e)});
            b.add(new String[] {"Editorial", "Ed Other" + e, String.valueOf(1990 + e)});
        }
        int n = a.size();
        String[][] columns = new String[3][2 * n];
        for (int r = 0; r < n; r++) {
            for (int f = 0; f < 3; f++) {
                columns[f][r] = a.get(r)[f];
                columns[f][n + r] = b.get(r)[f];
            }
        }
        List<MatchField> fields = List.of(
                new MatchField("title", FieldType.TEXT),
                new MatchField("authors", FieldType.PERSONS),
                new MatchField("year", FieldType.YEAR));
        EngineSettings settings = EngineSettings.defaults()
                .withParameters(new ModelParameters(
                        1.0 / n,
                        Map.of(
                                "title", new double[] {0.85, 0.1, 0.03, 0.01, 0.01},
                                "authors", new double[] {0.7, 0.15, 0.1, 0.03, 0.02},
                                "year", new double[] {0.9, 0.095, 0.005}),
                        Map.of(
                                "title", new double[] {0.01, 0.001, 0.005, 0.02, 0.964},
                                "authors", new double[] {0.005, 0.001, 0.004, 0.01, 0.98},
                                "year", new double[] {0.1, 0.2, 0.7})));

        MatchResult result = new MatchEngine(settings)
                .run(fields, columns, ClusterConstraints.none(), TrainingLabels.none(), Linkage.of(n, n, true));

        int[] cluster = result.clusterOf();
        for (int p = 0; p < papers; p++) {
            assertThat(cluster[p]).isEqualTo(cluster[n + p]);
        }
        assertThat(cluster[papers]).as("Snodgrass 1999 / 2001").isNotEqualTo(cluster[n + papers]);
        assertThat(cluster[papers + 1]).as("Abiteboul / Vianu").isNotEqualTo(cluster[n + papers + 1]);
        assertThat(cluster[papers + 2]).as("Widom 2002").isEqualTo(cluster[n + papers + 2]);
    }

    @Test
    void authorsInAnotherOrderWithInitialsAreTheSamePersons() {
        assertThat(persons("Michael J. Franklin, Alon Y. Halevy", "A. Halevy, M. J. Franklin"))
                .isEqualTo(1);
        // in the same order, each person reduced to surname and first initial: the same list
        assertThat(persons("Michael J. Franklin, Alon Y. Halevy", "Franklin, M. J.; Halevy, A. Y."))
                .isZero();
        assertThat(persons("Michael J. Franklin, Alon Y. Halevy", "Franklin MJ, Halevy AY"))
                .isZero();
        assertThat(persons("Michael J. Franklin, Alon Y. Halevy", "Halevy, A., Franklin, M. J."))
                .isEqualTo(1);
        assertThat(persons("Michael Franklin and Alon Halevy", "Michael Franklin & Alon Halevy"))
                .isZero();
    }

    @Test
    void bibtexAndSurnameFirstListsAreRead() {
        // BibTeX: "Surname, Given and Surname, Given"
        assertThat(persons("Franklin, Michael J. and Halevy, Alon Y.", "Michael J. Franklin, Alon Y. Halevy"))
                .isZero();
        // one person surname first with a middle initial
        assertThat(persons("Franklin, Michael J.", "M. Franklin")).isZero();
        // initials after each surname without dots: persons, not surname-given pairs
        assertThat(persons("Franklin M, Halevy A", "Michael Franklin, Alon Halevy"))
                .isZero();
    }

    @Test
    void accentsAndUmlautsWrittenPlainAreTheSameSurname() {
        // "Härder" folds to "haerder"; a source without umlauts writes "Harder"
        assertThat(persons("Theo Härder, Banu Özden, Ugur Çetintemel", "T. Harder, B. Ozden, U. Cetintemel"))
                .isEqualTo(1);
    }

    @Test
    void sharingOneOfTwoAuthorsIsSomePersons() {
        // wang w matches, zhang l / li j do not: covers 1/2 and 1/2
        assertThat(persons("Wei Wang, Li Zhang", "Wei Wang, Jun Li")).isEqualTo(3);
        // the same surname with other initials is another person
        assertThat(persons("Wei Wang", "Yan Wang")).isEqualTo(4);
    }

    @Test
    void aListCutShortWithEtAlHoldsMostPersons() {
        assertThat(persons(
                        "Michael Stonebraker, Daniel J. Abadi, Nesime Tatbul, Stanley B. Zdonik",
                        "M. Stonebraker, D. J. Abadi et al."))
                .isEqualTo(2);
        // cut short after reordering: every person named is in the other list
        assertThat(persons(
                        "Michael Stonebraker, Daniel J. Abadi, Nesime Tatbul, Stanley B. Zdonik, Mitch Cherniack",
                        "N. Tatbul, M. Stonebraker, S. B. Zdonik et al."))
                .isEqualTo(2);
        // without "et al." a list of other first persons inside a longer one is some persons (3 of 5)
        assertThat(persons(
                        "Michael Stonebraker, Daniel J. Abadi, Nesime Tatbul, Stanley B. Zdonik, Mitch Cherniack",
                        "N. Tatbul, M. Stonebraker, S. B. Zdonik"))
                .isEqualTo(3);
        // three of four authors: both covers at least 0.75
        assertThat(persons(
                        "Michael Stonebraker, Daniel J. Abadi, Nesime Tatbul, Stanley B. Zdonik",
                        "Stonebraker, M., Abadi, D. J., Tatbul, N., Cherniack, M."))
                .isEqualTo(2);
    }

    @Test
    void particlesAndHyphensBelongToTheSurname() {
        assertThat(persons("Jochen Van den Bercken, Hector Garcia-Molina", "J. van den Bercken, H. Garcia-Molina"))
                .isZero();
        // the compound surname written apart: "H. Garcia" and "Molina", the last part of "garciamolina"
        assertThat(persons("Jochen Van den Bercken, Hector Garcia-Molina", "J. van den Bercken, H. Garcia Molina"))
                .isEqualTo(1);
        // "Franklin, Michael": one person written surname first
        assertThat(persons("Franklin, Michael", "Michael Franklin")).isZero();
    }

    @Test
    void authorsIsAnotherNameForPersons() {
        assertThat(FieldType.parse("authors")).isEqualTo(FieldType.PERSONS);
        assertThat(FieldType.parse("persons")).isEqualTo(FieldType.PERSONS);
        assertThat(FieldType.parse("year")).isEqualTo(FieldType.YEAR);
    }

    @Test
    void yearsOneApartAreClose() {
        assertThat(year("1999", "1999.0")).isZero();
        assertThat(year("1999", "2000")).isEqualTo(1);
        assertThat(year("1999", "2001")).isEqualTo(2);
        assertThat(year("Proc. VLDB 1999", "1999")).isZero();
    }

    @Test
    void rareSurnamesWeighMore() {
        // 60 lists: "wang" in 30 of them, "stonebraker" in one: ln(1 + 60 / 30) against ln(1 + 60 / 1)
        String[] lists = new String[60];
        lists[0] = "Michael Stonebraker, Wei Wang";
        for (int i = 1; i < lists.length; i++) {
            lists[i] = (i < 30 ? "Wei Wang, " : "") + "Author" + (char) ('a' + i / 26) + (char) ('a' + i % 26) + " Q";
        }
        PreparedField field = PREPARER.prepare(FieldType.PERSONS, lists);

        assertThat(field.tokens()[0]).containsExactly("stonebraker m", "wang w");
        assertThat((double) field.tokenWeights()[0][0])
                .isCloseTo(Math.log(61), org.assertj.core.api.Assertions.within(1e-6));
        assertThat((double) field.tokenWeights()[0][1])
                .isCloseTo(Math.log(3), org.assertj.core.api.Assertions.within(1e-6));
        assertThat(field.blockKeys()[0]).containsExactly("s:stonebraker", "s:wang");
    }
}
