package io.salesbi.match.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** m-probabilities from labelled matches: counted, smoothed by the type prior as one pseudo-pair, bounded. */
class LabelledEstimationTest {

    @Test
    void labelledMatchesGiveMOfTheFieldsTheyObserve() {
        // 40 records in 20 labelled pairs: 15 pairs share their postcode, 5 pairs have different postcodes
        // (25000 and 83334, ...: more than one digit and the region differ)
        String[] postcodes = new String[40];
        List<int[]> matches = new ArrayList<>();
        for (int p = 0; p < 20; p++) {
            postcodes[2 * p] = String.format("%05d", 10000 + p * 1000);
            postcodes[2 * p + 1] = p < 15 ? postcodes[2 * p] : String.format("%05d", 99999 - p * 1111);
            matches.add(new int[] {2 * p, 2 * p + 1});
        }
        PreparedField field = new FieldPreparer("DE").prepare(FieldType.POSTCODE, postcodes);
        List<PreparedField> fields = List.of(field);

        double[][] m = ParameterEstimator.labelledM(fields, ImpliedFields.of(fields), matches);

        // prior {0.85, 0.05, 0.05, 0.05} plus counts {15, 0, 0, 5}, over 21
        assertThat(m[0]).hasSize(4);
        assertThat(m[0][0]).isCloseTo(15.85 / 21, within(1e-9));
        assertThat(m[0][1]).isCloseTo(0.05 / 21, within(1e-9));
        assertThat(m[0][2]).isCloseTo(0.05 / 21, within(1e-9));
        assertThat(m[0][3]).isCloseTo(5.05 / 21, within(1e-9));
    }

    @Test
    void fewerThanTwentyLabelledMatchesLeaveTheFieldToEm() {
        String[] postcodes = new String[38];
        List<int[]> matches = new ArrayList<>();
        for (int p = 0; p < 19; p++) {
            postcodes[2 * p] = String.format("%05d", 10000 + p);
            postcodes[2 * p + 1] = postcodes[2 * p];
            matches.add(new int[] {2 * p, 2 * p + 1});
        }
        PreparedField field = new FieldPreparer("DE").prepare(FieldType.POSTCODE, postcodes);

        double[][] m = ParameterEstimator.labelledM(List.of(field), ImpliedFields.of(List.of(field)), matches);

        assertThat(m[0]).isNull();
    }
}
