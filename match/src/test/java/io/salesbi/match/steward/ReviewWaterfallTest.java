package io.salesbi.match.steward;

import static org.assertj.core.api.Assertions.assertThat;

import io.salesbi.match.engine.PairExplanation;
import io.salesbi.match.engine.PairExplanation.Contribution;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The review file's waterfall column: how a pair's score came about, in one cell. */
class ReviewWaterfallTest {

    @Test
    void priorThenEachFieldThenTheSum() {
        PairExplanation explanation = new PairExplanation(
                7,
                -11.23,
                List.of(
                        new Contribution("company", 0, 5, 8.14, 0.0),
                        new Contribution("street", 0, 4, 5.75, -0.42),
                        new Contribution("phone", -1, 3, 0.0, 0.0),
                        new Contribution("city", 2, 3, -1.5, 0.0)),
                1.74,
                0,
                false);

        // -11.23 + 8.14 + 5.33 - 1.5 = 0.74
        assertThat(ReviewListWriter.waterfall(explanation))
                .isEqualTo("prior -11.2 | company +8.1 | street +5.3 (tf -0.4) | phone missing | city -1.5 | = +0.7");
    }

    @Test
    void aPairHeldAtReviewOrDecidedByAnIdSaysSo() {
        List<Contribution> fields = List.of(new Contribution("company", 4, 5, -3.0, 0.0));

        assertThat(ReviewListWriter.waterfall(new PairExplanation(1, 2.0, fields, 0.0, 0, true)))
                .isEqualTo("prior +2.0 | company -3.0 | = -1.0, held at review (+0.0)");
        assertThat(ReviewListWriter.waterfall(new PairExplanation(1, 2.0, fields, 30.0, 1, false)))
                .isEqualTo("prior +2.0 | company -3.0 | = -1.0, linked by an agreeing id");
    }
}
