package io.salesbi.match.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A~B and B~C are matches, A and C are different companies: the rep list's record B has Schmidt Maschinenbau's
 * address but Schmidt Metallbau's name, phone and e-mail. Weights are fixed by hand (natural logs) so that the
 * scores can be checked.
 */
class ChainClusteringTest {

    private static final List<MatchField> FIELDS = List.of(
            new MatchField("company", FieldType.COMPANY),
            new MatchField("street", FieldType.STREET),
            new MatchField("house_number", FieldType.HOUSE_NUMBER),
            new MatchField("postcode", FieldType.POSTCODE),
            new MatchField("city", FieldType.CITY),
            new MatchField("phone", FieldType.PHONE),
            new MatchField("email", FieldType.EMAIL));

    /** lambda 0.01: prior log-odds log(0.01 / 0.99) = -4.595. */
    private static final ModelParameters PARAMETERS = new ModelParameters(
            0.01,
            Map.of(
                    "company", new double[] {0.6, 0.2, 0.1, 0.05, 0.05},
                    "street", new double[] {0.8, 0.1, 0.05, 0.05},
                    "house_number", new double[] {0.9, 0.05, 0.05},
                    "postcode", new double[] {0.9, 0.04, 0.03, 0.03},
                    "city", new double[] {0.9, 0.05, 0.05},
                    "phone", new double[] {0.8, 0.1, 0.1},
                    "email", new double[] {0.7, 0.1, 0.2}),
            Map.of(
                    "company", new double[] {0.001, 0.002, 0.01, 0.05, 0.937},
                    "street", new double[] {0.001, 0.002, 0.01, 0.987},
                    "house_number", new double[] {0.05, 0.05, 0.9},
                    "postcode", new double[] {0.001, 0.004, 0.05, 0.945},
                    "city", new double[] {0.01, 0.01, 0.98},
                    "phone", new double[] {0.0001, 0.0001, 0.9998},
                    "email", new double[] {0.0001, 0.0002, 0.9997}));

    private static final String[][] COLUMNS = {
        {"Schmidt Maschinenbau GmbH", "Schmidt Metallbau GmbH", "Schmidt Metallbau GmbH"},
        {"Industriestr.", "Industriestraße", "Hafenstr."},
        {"5", "5", "3"},
        {"70565", "70565", "28195"},
        {"Stuttgart", "Stuttgart", "Bremen"},
        {"0711 5550100", "0421 3330999", "0421 3330999"},
        {"info@schmidt-maschinenbau.de", "info@schmidt-metallbau.de", "info@schmidt-metallbau.de"}
    };

    @Test
    void aRecordThatMatchesTwoDifferentCompaniesDoesNotChainThemTogether() {
        EngineSettings settings = EngineSettings.defaults().withParameters(PARAMETERS);

        MatchResult result = new MatchEngine(settings).run(FIELDS, COLUMNS, ClusterConstraints.none());

        assertThat(result.pairs().size()).isEqualTo(3);
        assertThat(logit(result, 0, 1)).isCloseTo(expectedAB(), org.assertj.core.data.Offset.offset(1e-9));
        assertThat(logit(result, 1, 2)).isCloseTo(expectedBC(), org.assertj.core.data.Offset.offset(1e-9));
        assertThat(probability(result, 0, 1)).isGreaterThan(0.9);
        assertThat(probability(result, 1, 2)).isGreaterThan(0.9);
        assertThat(probability(result, 0, 2)).isLessThan(0.001);
        assertThat(result.clusterOf()).containsExactly(0, 0, 2);
    }

    /**
     * A–B: company close 3, street, house number, postcode exact (the agreeing city is implied by the postcode and
     * not counted again), phone and e-mail different.
     */
    private static double expectedAB() {
        return Math.log(0.01 / 0.99)
                + Math.log(0.05 / 0.05)
                + Math.log(0.8 / 0.001)
                + Math.log(0.9 / 0.05)
                + Math.log(0.9 / 0.001)
                + Math.log(0.1 / 0.9998)
                + Math.log(0.2 / 0.9997);
    }

    /** B–C: company, phone and e-mail exact, street, house number, postcode and city different. */
    private static double expectedBC() {
        return Math.log(0.01 / 0.99)
                + Math.log(0.6 / 0.001)
                + Math.log(0.05 / 0.987)
                + Math.log(0.05 / 0.9)
                + Math.log(0.03 / 0.945)
                + Math.log(0.05 / 0.98)
                + Math.log(0.8 / 0.0001)
                + Math.log(0.7 / 0.0001);
    }

    private static double logit(MatchResult result, int a, int b) {
        return result.pairs().logit(pair(result, a, b));
    }

    private static double probability(MatchResult result, int a, int b) {
        return result.pairs().probability(pair(result, a, b));
    }

    private static int pair(MatchResult result, int a, int b) {
        for (int p = 0; p < result.pairs().size(); p++) {
            if (result.pairs().a(p) == a && result.pairs().b(p) == b) {
                return p;
            }
        }
        throw new AssertionError("pair " + a + "-" + b + " was not compared");
    }
}
