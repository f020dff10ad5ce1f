package io.salesbi.pipeline.generate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Row counts grow linearly with the scale: twice the scale, twice the companies, records and order lines. */
class ScaleTest {

    @Test
    void doublingTheScaleDoublesTheCounts(@TempDir Path small, @TempDir Path large) throws IOException {
        GenerationSummary one = GeneratedInbox.generate(0.01, 5L, small).summary;
        GenerationSummary two = GeneratedInbox.generate(0.02, 5L, large).summary;

        assertThat(one.customerEntities()).isEqualTo(26);
        assertThat(two.customerEntities()).isEqualTo(52);
        assertThat(one.orderLines()).isCloseTo(5000, within(500L));
        assertThat((double) two.orderLines() / one.orderLines()).isCloseTo(2.0, within(0.2));
        assertThat((double) two.sourceCustomerRecords() / one.sourceCustomerRecords()).isCloseTo(2.0, within(0.4));
        assertThat(one.sourceCustomerRecords()).isBetween(40L, 62L);
    }
}
