package io.salesbi.match.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Two-source linkage: only pairs across the lists are compared, and links respect the chosen cardinality. */
class LinkageTest {

    private static final List<MatchField> FIELDS = List.of(
            new MatchField("company", FieldType.COMPANY),
            new MatchField("street", FieldType.STREET),
            new MatchField("postcode", FieldType.POSTCODE),
            new MatchField("phone", FieldType.PHONE));

    /** Fixed m/u so that the test does not depend on EM over a handful of records. */
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

    // records 0, 1 and 2 are one firm (list A holds it twice: 0 and 1); record 3 is another firm in list B
    private static final String[][] COLUMNS = {
        {"Rexroth Hydraulik GmbH", "Rexroth Hydraulik GmbH", "Rexroth Hydraulik", "Zander Logistik KG"},
        {"Hauptstraße 12", "Hauptstraße 12", "Hauptstr. 12", "Lindenweg 3"},
        {"97816", "97816", "97816", "20095"},
        {"+49 9352 180", "+49 9352 180", "09352 180", "+49 40 123456"}
    };

    @Test
    void pairsWithinOneListAreNeitherComparedNorMerged() {
        MatchResult result = new MatchEngine(SETTINGS)
                .run(FIELDS, COLUMNS, ClusterConstraints.none(), TrainingLabels.none(), Linkage.of(2, 2, false));

        for (int p = 0; p < result.pairs().size(); p++) {
            int a = result.pairs().a(p);
            int b = result.pairs().b(p);
            assertThat(a < 2 && b < 2 || a >= 2 && b >= 2)
                    .as("pair %d-%d within one list", a, b)
                    .isFalse();
        }
        // one-to-many: record 2 of the second list links to one record of the first, never to both
        int[] clusterOf = result.clusterOf();
        assertThat(clusterOf[0]).isNotEqualTo(clusterOf[1]);
        assertThat(clusterOf[2]).isIn(clusterOf[0], clusterOf[1]);
        assertThat(clusterOf[3]).isEqualTo(3);
    }

    @Test
    void withoutLinkageTheSameRecordsAreOneCluster() {
        MatchResult result = new MatchEngine(SETTINGS).run(FIELDS, COLUMNS, ClusterConstraints.none());

        assertThat(result.clusterOf()).containsExactly(0, 0, 0, 3);
    }

    @Test
    void oneToOneLinksEachRecordOnceAndOneToManyLetsTheFirstListTakeSeveral() {
        // list A: record 0; list B: records 1 and 2, both the same firm as record 0 (record 1 without its phone, so
        // its link is the weaker one)
        String[][] columns = {
            {"Rexroth Hydraulik GmbH", "Rexroth Hydraulik", "Rexroth Hydraulik GmbH"},
            {"Hauptstraße 12", "Hauptstr. 12", "Hauptstraße 12"},
            {"97816", "97816", "97816"},
            {"+49 9352 180", null, "+49 9352 180"}
        };

        int[] oneToOne = new MatchEngine(SETTINGS)
                .run(FIELDS, columns, ClusterConstraints.none(), TrainingLabels.none(), Linkage.of(1, 2, true))
                .clusterOf();
        int[] oneToMany = new MatchEngine(SETTINGS)
                .run(FIELDS, columns, ClusterConstraints.none(), TrainingLabels.none(), Linkage.of(1, 2, false))
                .clusterOf();

        // one-to-one: the exact copy (record 2, the strongest link) wins, record 1 stays alone
        assertThat(oneToOne).containsExactly(0, 1, 0);
        assertThat(oneToMany).containsExactly(0, 0, 0);
    }

    @Test
    void aLinkageMustNameEveryRecord() {
        assertThatThrownBy(() -> new MatchEngine(SETTINGS)
                        .run(FIELDS, COLUMNS, ClusterConstraints.none(), TrainingLabels.none(), Linkage.of(1, 2, true)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("3 records")
                .hasMessageContaining("hold 4");
        assertThatThrownBy(() -> new Linkage(new int[] {0, 2}, true))
                .hasMessage("source of record 1 is 2, expected 0 or 1");
    }
}
