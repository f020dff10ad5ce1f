package io.salesbi.match.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

class PairDecisionsTest {

    private static final List<MatchField> FIELDS = List.of(
            new MatchField("company", FieldType.COMPANY),
            new MatchField("city", FieldType.CITY),
            new MatchField("vat", FieldType.VAT_ID));

    /**
     * Weights chosen to be read off: company exact ln(100) = 4.61, city exact ln(10) = 2.30, company different
     * ln(0.02 / 0.632) = -3.45; prior ln(0.01 / 0.99) = -4.60.
     */
    private static final ModelParameters FIXED = new ModelParameters(
            0.01,
            Map.of("company", new double[] {0.8, 0.1, 0.05, 0.03, 0.02}, "city", new double[] {0.9, 0.05, 0.05}),
            Map.of("company", new double[] {0.008, 0.01, 0.05, 0.3, 0.632}, "city", new double[] {0.09, 0.05, 0.86}));

    private static final String[][] COLUMNS = {
        {"Beta Sensorik GmbH", "Beta Sensorik GmbH", "Gamma Logistik KG"},
        {"Ulm", "Ulm", "Ulm"},
        {"DE136695976", "DE123456789", "DE111111111"}
    };

    @Test
    void keepsContradictingVatIdsOnlyWhereTheFieldsAloneReachTheReviewBand() {
        MatchResult result = new MatchEngine(EngineSettings.defaults().withParameters(FIXED))
                .run(FIELDS, COLUMNS, ClusterConstraints.none());
        PairDecisions decisions = new PairDecisions(result, 0.9, 0.5, ClusterConstraints.none());

        assertThat(pairs(result)).containsExactly("0-1", "0-2", "1-2");
        assertThat(Arrays.stream(new int[] {0, 1, 2}).mapToObj(decisions::decision))
                .containsExactly("id_conflict", "id_conflict", "id_conflict");
        // Beta and Beta: -4.60 + 4.61 + 2.30 = 2.31, probability 0.91 on the fields alone: a steward should look.
        assertThat(result.fieldLogit(0))
                .isCloseTo(Math.log(0.01 / 0.99) + Math.log(100) + Math.log(10), Offset.offset(1e-9));
        assertThat(decisions.worthKeeping(0)).isTrue();
        // Beta and Gamma: -4.60 - 3.45 + 2.30 = -5.75, a plain non-match that happens to carry VAT ids.
        assertThat(decisions.worthKeeping(1)).isFalse();
        assertThat(decisions.worthKeeping(2)).isFalse();
    }

    @Test
    void writesTheEvidenceOfEveryWeightedFieldWithLevelWeightAndValues() {
        MatchResult result = new MatchEngine(EngineSettings.defaults().withParameters(FIXED))
                .run(FIELDS, COLUMNS, ClusterConstraints.none());
        PairDecisions decisions = new PairDecisions(result, 0.9, 0.5, ClusterConstraints.none());

        List<String[]> display = List.of(COLUMNS[0], new String[] {"Ulm", "Ulm \"Donau\"", null});

        assertThat(decisions.evidenceJson(1, display))
                .isEqualTo("{\"company\":{\"level\":\"different\","
                        + "\"weight\":-3.45,\"values\":[\"Beta Sensorik GmbH\",\"Gamma Logistik KG\"]},"
                        + "\"city\":{\"level\":\"exact\",\"weight\":2.30,\"values\":[\"Ulm\",null]}}");
        assertThat(decisions.evidenceJson(0, display))
                .isEqualTo("{\"company\":{\"level\":\"exact\","
                        + "\"weight\":4.61,\"values\":[\"Beta Sensorik GmbH\",\"Beta Sensorik GmbH\"]},"
                        + "\"city\":{\"level\":\"exact\",\"weight\":2.30,\"values\":[\"Ulm\",\"Ulm \\\"Donau\\\"\"]}}");
    }

    private static List<String> pairs(MatchResult result) {
        ScoredPairs pairs = result.pairs();
        return IntStream.range(0, pairs.size())
                .mapToObj(p -> pairs.a(p) + "-" + pairs.b(p))
                .toList();
    }
}
