package io.salesbi.match.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * "Müller Bau, Hauptstr. 12" and "Müller Bau, Hauptstraße 14": one name, one postcode, another house number on the
 * same street. Without the rule the pair scored +7.5 (name and postcode exact, address -2.45) and merged.
 */
class OtherHouseNumberTest {

    private static final String[] STREETS = {
        "Hauptstr.", "Bahnhofstr.", "Gartenweg", "Lindenallee", "Marktplatz", "Schulstr.", "Bergstr."
    };

    @Test
    void anotherHouseNumberOnTheSameStreetIsNotMergedInAnAddressLine() {
        String[][] columns = list(new String[][] {
            {"Müller Bau GmbH", "Hauptstr. 12", "70173", "Stuttgart"},
            {"Mueller Bau", "Hauptstraße 12", "70173", "Stuttgart"},
            {"Müller Bau GmbH", "Hauptstraße 14", "70173", "Stuttgart"}
        });
        List<MatchField> fields = List.of(
                new MatchField("name", FieldType.COMPANY),
                new MatchField("address", FieldType.ADDRESS),
                new MatchField("postcode", FieldType.POSTCODE),
                new MatchField("city", FieldType.CITY));

        MatchResult result = new MatchEngine(EngineSettings.defaults()).run(fields, columns, ClusterConstraints.none());

        assertThat(result.clusterOf()[61]).isEqualTo(result.clusterOf()[60]);
        assertThat(result.clusterOf()[62]).isEqualTo(62);
        PairExplanation branch = result.explain(60, 62);
        assertThat(branch.heldAtReview()).isTrue();
        assertThat(branch.fields().get(1).level()).isEqualTo(3);
        assertThat(branch.probability()).isLessThan(EngineSettings.defaults().matchThreshold());
    }

    @Test
    void anAgreeingStreetWithAnotherHouseNumberColumnIsNotMergedEither() {
        String[][] columns = list(new String[][] {
            {"Müller Bau GmbH", "Hauptstr.", "70173", "12"},
            {"Mueller Bau", "Hauptstraße", "70173", "12"},
            {"Müller Bau GmbH", "Hauptstraße", "70173", "14"}
        });
        List<MatchField> fields = List.of(
                new MatchField("name", FieldType.COMPANY),
                new MatchField("street", FieldType.STREET),
                new MatchField("postcode", FieldType.POSTCODE),
                new MatchField("house_number", FieldType.HOUSE_NUMBER));

        MatchResult result = new MatchEngine(EngineSettings.defaults()).run(fields, columns, ClusterConstraints.none());

        assertThat(result.clusterOf()[61]).isEqualTo(result.clusterOf()[60]);
        assertThat(result.clusterOf()[62]).isEqualTo(62);
        assertThat(result.explain(60, 62).heldAtReview()).isTrue();
    }

    /** Sixty unrelated firms, then the three records given, four columns each. */
    private static String[][] list(String[][] last) {
        int n = 60 + last.length;
        String[][] columns = new String[4][n];
        for (int i = 0; i < 60; i++) {
            columns[0][i] = "Firma " + (char) ('A' + i % 26) + (char) ('a' + i / 26) + "berg Technik";
            columns[1][i] = STREETS[i % STREETS.length] + " " + (i + 1);
            columns[2][i] = String.format("%05d", 10000 + i * 1000);
            columns[3][i] = "Stadt" + i;
        }
        for (int k = 0; k < last.length; k++) {
            for (int f = 0; f < 4; f++) {
                columns[f][60 + k] = last[k][f];
            }
        }
        return columns;
    }
}
