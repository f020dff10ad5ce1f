package io.salesbi.match.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

/**
 * An umbrella phone (one switchboard number for 50 organisations) against phones shared by a duplicate pair alone,
 * in a list of 200 records: 50 on the umbrella phone, 20 pairs on their own phone, 110 with a unique phone.
 * By hand: agreeing pairs sum c (c - 1) = 50 * 49 + 20 * 2 = 2490, average u = 2490 / (200 * 199) = 0.062563;
 * umbrella tf = 49 / 199 = 0.246231, adjustment ln(0.062563 / 0.246231) = -1.37010; pair tf = 1 / 199, adjustment
 * ln(0.062563 * 199) = ln(12.45) = 2.522, bounded to ln(10) = 2.30259.
 */
class TermFrequencyAdjustmentTest {

    private static final int RECORDS = 200;
    private static final int UMBRELLA = 50;
    private static final int PAIRS = 20;
    private static final double UMBRELLA_ADJUSTMENT = -1.37010;
    private static final double PAIR_ADJUSTMENT = Math.log(10);

    private static final List<MatchField> FIELDS =
            List.of(new MatchField("phone", FieldType.PHONE), new MatchField("city", FieldType.CITY));

    /** Phone exact ln(0.7 / 0.01) = 4.24850; prior ln(0.02 / 0.98) = -3.89182; city is missing everywhere. */
    private static final ModelParameters FIXED = new ModelParameters(
            0.02,
            Map.of("phone", new double[] {0.7, 0.1, 0.2}, "city", new double[] {0.9, 0.05, 0.05}),
            Map.of("phone", new double[] {0.01, 0.01, 0.98}, "city", new double[] {0.09, 0.05, 0.86}));

    @Test
    void weighsAnExactMatchOnAnUmbrellaPhoneBelowTheAverageAndOnAPairsOwnPhoneAboveIt() {
        PreparedField phones = new FieldPreparer("DE").prepare(FieldType.PHONE, phones());

        TermFrequencies frequencies = TermFrequencies.of(List.of(phones));

        assertThat(frequencies.adjustment(0, 0, 0)).isCloseTo(UMBRELLA_ADJUSTMENT, Offset.offset(1e-5));
        assertThat(frequencies.adjustment(0, 0, UMBRELLA)).isCloseTo(PAIR_ADJUSTMENT, Offset.offset(1e-6));
        assertThat(frequencies.adjustment(0, 1, 0)).isZero();
        assertThat(frequencies.adjustment(0, 0, RECORDS - 1)).isZero();
    }

    @Test
    void leavesFiftyOrganisationsOnOneSwitchboardApartAndLinksThePairsSharingTheirOwnPhone() {
        String[][] columns = {phones(), new String[RECORDS]};

        MatchResult result = new MatchEngine(EngineSettings.defaults().withParameters(FIXED))
                .run(FIELDS, columns, ClusterConstraints.none());

        int umbrellaPair = pair(result, 0, 1);
        int ownPair = pair(result, UMBRELLA, UMBRELLA + 1);
        // -3.89182 + 4.24850 - 1.37010 = -1.01342: probability 0.27, not even for review.
        assertThat(result.pairs().logit(umbrellaPair)).isCloseTo(-1.01342, Offset.offset(1e-4));
        // -3.89182 + 4.24850 + 2.30259 = 2.65927: probability 0.93, a match.
        assertThat(result.pairs().logit(ownPair)).isCloseTo(2.65927, Offset.offset(1e-4));
        assertThat(IntStream.range(0, UMBRELLA)
                        .map(i -> result.clusterOf()[i])
                        .distinct()
                        .count())
                .isEqualTo(UMBRELLA);
        for (int p = 0; p < PAIRS; p++) {
            assertThat(result.clusterOf()[UMBRELLA + 2 * p + 1]).isEqualTo(result.clusterOf()[UMBRELLA + 2 * p]);
        }
        assertThat(result.clusterCount()).isEqualTo(RECORDS - PAIRS);
    }

    @Test
    void showsTheAdjustmentInTheEvidenceOfAPair() {
        String[][] columns = {phones(), new String[RECORDS]};
        MatchResult result = new MatchEngine(EngineSettings.defaults().withParameters(FIXED))
                .run(FIELDS, columns, ClusterConstraints.none());
        PairDecisions decisions = new PairDecisions(result, 0.9, 0.5, ClusterConstraints.none());

        String evidence = decisions.evidenceJson(pair(result, 0, 1), Arrays.asList(null, null));

        assertThat(evidence)
                .isEqualTo("{\"phone\":{\"level\":\"exact\",\"weight\":2.88,\"tf_adjustment\":-1.37},"
                        + "\"city\":{\"level\":\"missing\",\"weight\":0.00}}");
    }

    /** 50 on the umbrella number, then 20 pairs on their own number, then 110 unique numbers. */
    private static String[] phones() {
        String[] phones = new String[RECORDS];
        for (int i = 0; i < RECORDS; i++) {
            if (i < UMBRELLA) {
                phones[i] = "+49 30 1111111";
            } else if (i < UMBRELLA + 2 * PAIRS) {
                phones[i] = "+49 40 " + (2_000_000 + 37 * ((i - UMBRELLA) / 2));
            } else {
                phones[i] = "+49 89 " + (5_000_000 + 91 * i);
            }
        }
        return phones;
    }

    private static int pair(MatchResult result, int a, int b) {
        ScoredPairs pairs = result.pairs();
        return IntStream.range(0, pairs.size())
                .filter(p -> pairs.a(p) == a && pairs.b(p) == b)
                .findFirst()
                .orElseThrow(() -> new AssertionError("pair " + a + "-" + b + " was not compared"));
    }
}
