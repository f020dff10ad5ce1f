package io.salesbi.match.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A source declared to hold no duplicates among several: its records are linked to the others' records but never
 * compared with each other nor put in one cluster, while the other sources are deduplicated as before.
 */
class DistinctSourcesTest {

    private static final List<MatchField> FIELDS = List.of(
            new MatchField("company", FieldType.COMPANY),
            new MatchField("street", FieldType.STREET),
            new MatchField("postcode", FieldType.POSTCODE),
            new MatchField("phone", FieldType.PHONE));

    /** Fixed m/u (those of LinkageTest), so that the test does not depend on EM over a handful of records. */
    private static final EngineSettings SETTINGS = EngineSettings.defaults()
            .withParameters(new ModelParameters(
                    0.01,
                    Map.of(
                            "company", new double[] {0.8, 0.1, 0.05, 0.03, 0.02},
                            "street", new double[] {0.8, 0.1, 0.05, 0.05},
                            "postcode", new double[] {0.9, 0.04, 0.03, 0.03},
                            "phone", new double[] {0.8, 0.1, 0.1}),
                    Map.of(
                            "company", new double[] {0.001, 0.005, 0.01, 0.05, 0.934},
                            "street", new double[] {0.001, 0.005, 0.01, 0.984},
                            "postcode", new double[] {0.01, 0.02, 0.07, 0.9},
                            "phone", new double[] {0.001, 0.01, 0.989})));

    // 0 and 1: two ERP debtors of one look (two accounts of a firm with its branch); 2 and 3: the CRM's account of
    // the firm, twice (a real duplicate); 4: the reps' list; 5: another firm in the ERP
    private static final String[][] COLUMNS = {
        {
            "Rexroth Hydraulik GmbH",
            "Rexroth Hydraulik GmbH",
            "Rexroth Hydraulik",
            "Rexroth Hydraulik GmbH",
            "Rexroth Hydraulik",
            "Zander Logistik KG"
        },
        {"Hauptstraße 12", "Hauptstraße 12", "Hauptstr. 12", "Hauptstraße 12", "Hauptstr 12", "Lindenweg 3"},
        {"97816", "97816", "97816", "97816", "97816", "20095"},
        {"+49 9352 180", "+49 9352 180", "09352 180", "09352 180", "09352/180", "+49 40 123456"}
    };

    private static final int ERP = 0;
    private static final int[] SOURCE = {ERP, ERP, -1, -1, -1, ERP};

    @Test
    void withoutTheDeclarationTheLookAlikesAreOneCustomer() {
        MatchResult result = new MatchEngine(SETTINGS).run(FIELDS, COLUMNS, ClusterConstraints.none());

        assertThat(result.clusterOf()).containsExactly(0, 0, 0, 0, 0, 5);
    }

    @Test
    void twoRecordsOfTheSourceAreNeverComparedNorMerged() {
        ClusterConstraints constraints = ClusterConstraints.none().withDistinctSources(SOURCE);

        MatchResult result = new MatchEngine(SETTINGS).run(FIELDS, COLUMNS, constraints);

        for (int p = 0; p < result.pairs().size(); p++) {
            int a = result.pairs().a(p);
            int b = result.pairs().b(p);
            assertThat(SOURCE[a] == ERP && SOURCE[b] == ERP)
                    .as("pair %d-%d within the ERP", a, b)
                    .isFalse();
        }
        int[] clusterOf = result.clusterOf();
        assertThat(clusterOf[0]).isNotEqualTo(clusterOf[1]);
        // the other sources' records are still deduplicated among themselves and linked to one of the debtors
        assertThat(clusterOf[2]).isEqualTo(clusterOf[3]).isEqualTo(clusterOf[4]);
        assertThat(clusterOf[2]).isIn(clusterOf[0], clusterOf[1]);
        assertThat(clusterOf[5]).isEqualTo(5);
    }

    @Test
    void aForcedMatchOrAPreviousClusterDoesNotJoinTwoRecordsOfTheSource() {
        ClusterConstraints constraints = new ClusterConstraints(
                        List.<int[]>of(new int[] {0, 1}), List.of(), new int[] {7, 7, 7, 7, 7, -1})
                .withDistinctSources(SOURCE);

        int[] clusterOf =
                new MatchEngine(SETTINGS).run(FIELDS, COLUMNS, constraints).clusterOf();

        assertThat(clusterOf[0]).isNotEqualTo(clusterOf[1]);
    }

    @Test
    void aLabelOutsideTheRangeIsRefused() {
        assertThatThrownBy(() -> ClusterConstraints.none().withDistinctSources(new int[] {0, 64}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("distinct source of record 1 is 64, expected -1 or 0 to 63");
    }
}
