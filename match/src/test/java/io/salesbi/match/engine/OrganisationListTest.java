package io.salesbi.match.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Organisation lists as registers and CRMs hold them: one company written hundreds of times, with its seat after
 * the legal form, abbreviated words, words run together; and organisations that share a switchboard and a
 * head-office address without being one.
 */
class OrganisationListTest {

    private static final String[] COMPANIES = {
        "Hunter Douglas Industries",
        "Adidas International Marketing",
        "Schlumberger Technology",
        "Gist Brocades",
        "Hitachi Global Storage",
        "Sara Lee Foods",
        "Canon Europa",
        "Thales Nederland",
        "Elf Atochem",
        "Whirlpool Europe",
        "Fuji Photo Film",
        "Texas Instruments Holland",
        "Yamaha Motor Europe",
        "Omron Europe",
        "Mettler Toledo",
        "Honeywell Aerospace",
        "Cargill Malting",
        "Bayer Crop Science",
        "Robert Bosch Thermotechnik",
        "Janssen Pharmaceutica",
        "Genencor International",
        "Merck Sharp Dohme",
        "Tetra Laval Holdings",
        "Basell Polyolefine",
        "Hoechst Celanese",
        "Mattel Europa",
        "Wabco Vehicle Control",
        "Vaillant Group",
        "Mars Petcare",
        "Chiron Diagnostics"
    };

    @Test
    void oneCompanyWrittenHundredsOfTimesIsOneClusterWhateverTheBlockLimit() {
        // 300 rows of one spelling and 40 of four variants: every block holding the company is over the limit of
        // 100, so before twins blocking dropped them and average linkage refused the large clusters
        List<String> names = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            names.add(i % 3 == 0 ? "AKZO NOBEL N.V." : i % 3 == 1 ? "Akzo Nobel NV" : "* AKZO NOBEL N.V.");
        }
        for (int i = 0; i < 10; i++) {
            names.add("AKZO NOBEL N.V., ARNHEM");
            names.add("AKZO NOVEL N.V.");
            names.add("Akzo Nobel B.V.");
            names.add("AKZONOBEL NV");
        }
        for (String company : COMPANIES) {
            names.add(company + " B.V.");
            names.add(company.toUpperCase(java.util.Locale.ROOT) + " BV");
        }
        MatchResult result = new MatchEngine(EngineSettings.defaults())
                .run(
                        List.of(new MatchField("name", FieldType.COMPANY)),
                        new String[][] {names.toArray(String[]::new)},
                        ClusterConstraints.none());

        int[] clusters = result.clusterOf();
        for (int i = 1; i < 340; i++) {
            assertThat(clusters[i]).as("row %d (%s)", i, names.get(i)).isEqualTo(clusters[0]);
        }
        for (int c = 0; c < COMPANIES.length; c++) {
            int first = 340 + 2 * c;
            assertThat(clusters[first + 1]).as(names.get(first)).isEqualTo(clusters[first]);
            assertThat(clusters[first]).isNotEqualTo(clusters[0]);
        }
        assertThat(result.clusterCount()).isEqualTo(1 + COMPANIES.length);
    }

    @Test
    void abbreviatedAndJoinedWordsAreTheSameName() {
        String[] list = new String[60];
        String[] first = {
            "Hunter Douglas Industries B.V.",
            "HUNTER DOUGLAS IND BV",
            "Adidas International Marketing B.V.",
            "ADIDAS INTERNATL MARKETING BV",
            "Gist-Brocades N.V.",
            "GISTBROCADES NV",
            "ABB",
            "Abbott",
            "Schlumberger Technology B.V.",
            "Schlumberger Holdings B.V."
        };
        System.arraycopy(first, 0, list, 0, first.length);
        for (int i = first.length; i < list.length; i++) {
            list[i] = COMPANIES[i % COMPANIES.length] + (i < 40 ? " B.V." : " GmbH");
        }
        PreparedField names = new FieldPreparer("DE").prepare(FieldType.COMPANY, list);

        assertThat(FieldComparator.compare(names, 0, 1)).isEqualTo(1);
        assertThat(FieldComparator.compare(names, 2, 3)).isEqualTo(1);
        assertThat(FieldComparator.compare(names, 4, 5)).isEqualTo(1);
        // no word in common: "abb" is not taken for the beginning of "abbott"
        assertThat(FieldComparator.compare(names, 6, 7)).isGreaterThanOrEqualTo(3);
        // one word in common, the other two different words: not close
        assertThat(FieldComparator.compare(names, 8, 9)).isGreaterThanOrEqualTo(2);
        // both written together and alike: one blocking key
        assertThat(names.blockKeys()[4]).contains("gistbrocades");
        assertThat(names.blockKeys()[5]).contains("gistbrocades");
        assertThat(CompanyNameComparison.abbreviates("tech", "technology")).isTrue();
        assertThat(CompanyNameComparison.abbreviates("internatl", "international"))
                .isTrue();
        assertThat(CompanyNameComparison.abbreviates("mfg", "manufacturing")).isFalse();
        assertThat(CompanyNameComparison.abbreviates("holdings", "holding")).isFalse();
        // the first part of a German compound is a word of its own, not an abbreviation
        assertThat(CompanyNameComparison.abbreviates("elektro", "elektronik")).isFalse();
    }

    @Test
    void aNameSpelledAlikeSharesAPhoneticBlockingKey() {
        PreparedField names = new FieldPreparer("DE")
                .prepare(FieldType.COMPANY, new String[] {"UNILEVER N.V.", "UNILVER NV", "Alcatel N.V.", "ALKATEL"});

        Set<String> unilever = new HashSet<>(List.of(names.blockKeys()[0]));
        unilever.retainAll(List.of(names.blockKeys()[1]));
        Set<String> alcatel = new HashSet<>(List.of(names.blockKeys()[2]));
        alcatel.retainAll(List.of(names.blockKeys()[3]));
        assertThat(unilever).isNotEmpty();
        assertThat(alcatel).isNotEmpty();
    }

    @Test
    void twinsAreRecordsEqualOnEveryFieldAndWithoutASteward() {
        PreparedField names = new FieldPreparer("DE")
                .prepare(FieldType.COMPANY, new String[] {"Akzo Nobel N.V.", "AKZO NOBEL NV", "Akzo Nobel", "Nobel"});
        PreparedField cities =
                new FieldPreparer("DE").prepare(FieldType.CITY, new String[] {"Arnhem", "Arnhem", "Arnhem", "Arnhem"});

        assertThat(Twins.representatives(List.of(names, cities), 4, ClusterConstraints.none()))
                .containsExactly(0, 0, 0, 3);
        // a steward's split of 0 and 1 keeps both out of any twin group: 2 has no twin left
        ClusterConstraints split = new ClusterConstraints(List.of(), List.<int[]>of(new int[] {0, 1}), null);
        assertThat(Twins.representatives(List.of(names, cities), 4, split)).isNull();
        ClusterConstraints splitOne = new ClusterConstraints(List.of(), List.<int[]>of(new int[] {0, 3}), null);
        assertThat(Twins.representatives(List.of(names, cities), 4, splitOne)).containsExactly(0, 1, 1, 3);
        PreparedField otherCity = new FieldPreparer("DE")
                .prepare(FieldType.CITY, new String[] {"Arnhem", "Amsterdam", "Delft", "Arnhem"});
        assertThat(Twins.representatives(List.of(names, otherCity), 4, ClusterConstraints.none()))
                .isNull();
    }

    @Test
    void twentyOrganisationsOnOneSwitchboardAndOneHeadOfficeAddressStayApart() {
        // a business centre: 20 tenants share its phone and its address; 30 companies are in the list twice
        // (legal form, seat, abbreviation or case differ), each with its own phone and address
        List<String[]> rows = new ArrayList<>();
        String[] tenants = {
            "Kanzlei Brandt",
            "Weber Consulting",
            "Novotec Software",
            "Lindner Steuerberatung",
            "Bergmann Immobilien",
            "Pixelwerk Design",
            "Sommer Versicherungen",
            "Vogt Personalservice",
            "Keller Übersetzungen",
            "Hartmann Logistik",
            "Roth Medien",
            "Albrecht Finanz",
            "Engel Eventagentur",
            "Krüger Architekten",
            "Frank Vertrieb",
            "Seidel Patentanwälte",
            "Jung Marketing",
            "Graf Immobilienverwaltung",
            "Haas Consulting",
            "Schuster IT-Service"
        };
        for (String tenant : tenants) {
            rows.add(new String[] {tenant + " GmbH", "Friedrichstraße 68, 10117 Berlin", "+49 30 2093 1000"});
        }
        for (int c = 0; c < COMPANIES.length; c++) {
            String street = "Industrieweg " + (10 + c) + ", " + (40210 + 17 * c) + " Düsseldorf";
            String phone = "0211 " + (500100 + 37 * c);
            rows.add(new String[] {COMPANIES[c] + " GmbH", street, phone});
            String variant = c % 3 == 0
                    ? COMPANIES[c].toUpperCase(java.util.Locale.ROOT) + " GMBH, DÜSSELDORF"
                    : c % 3 == 1
                            ? COMPANIES[c].replace("International", "Internatl").replace("Industries", "Ind.")
                            : COMPANIES[c] + " Gesellschaft mit beschränkter Haftung";
            rows.add(new String[] {variant, street.replace("weg", "weg ").replace("  ", " "), phone.replace(" ", "/")});
        }
        for (int i = 0; i < 40; i++) {
            rows.add(new String[] {
                "Einzelhandel " + (char) ('A' + i % 26) + (char) ('a' + i / 26) + "lmann e.K.",
                "Marktplatz " + (i + 1) + ", " + (50100 + 13 * i) + " Köln",
                "0221 " + (730000 + 11 * i)
            });
        }
        String[][] columns = new String[3][rows.size()];
        for (int r = 0; r < rows.size(); r++) {
            for (int f = 0; f < 3; f++) {
                columns[f][r] = rows.get(r)[f];
            }
        }
        MatchResult result = new MatchEngine(EngineSettings.defaults())
                .run(
                        List.of(
                                new MatchField("name", FieldType.COMPANY),
                                new MatchField("address", FieldType.ADDRESS),
                                new MatchField("phone", FieldType.PHONE)),
                        columns,
                        ClusterConstraints.none());

        int[] clusters = result.clusterOf();
        Set<Integer> tenantClusters = new HashSet<>();
        for (int t = 0; t < tenants.length; t++) {
            tenantClusters.add(clusters[t]);
        }
        assertThat(tenantClusters).hasSize(tenants.length);
        for (int c = 0; c < COMPANIES.length; c++) {
            int first = tenants.length + 2 * c;
            assertThat(clusters[first + 1])
                    .as("%s / %s", columns[0][first], columns[0][first + 1])
                    .isEqualTo(clusters[first]);
        }
        assertThat(result.clusterCount()).isEqualTo(tenants.length + COMPANIES.length + 40);
    }
}
