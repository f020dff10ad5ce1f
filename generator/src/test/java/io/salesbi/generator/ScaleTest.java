package io.salesbi.generator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import org.junit.jupiter.api.Test;

/** Row counts grow linearly with the scale: twice the scale, twice the companies, records and order lines. */
class ScaleTest {

    @Test
    void doublingTheScaleDoublesTheCounts() throws IOException {
        GenerationSummary one = GeneratedInbox.shared(0.01, 7L).summary;
        GenerationSummary two = GeneratedInbox.shared(0.02, 3L).summary;

        assertThat(one.customerEntities()).isEqualTo(26);
        assertThat(two.customerEntities()).isEqualTo(52);
        assertThat(one.orderLines()).isCloseTo(5000, within(500L));
        assertThat((double) two.orderLines() / one.orderLines()).isCloseTo(2.0, within(0.2));
        assertThat((double) two.sourceCustomerRecords() / one.sourceCustomerRecords())
                .isCloseTo(2.0, within(0.4));
        assertThat(one.sourceCustomerRecords()).isBetween(40L, 62L);
    }
}
