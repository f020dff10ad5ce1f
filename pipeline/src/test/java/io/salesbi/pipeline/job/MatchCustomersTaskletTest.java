package io.salesbi.pipeline.job;

import static org.assertj.core.api.Assertions.assertThat;

import io.salesbi.match.MatchRunSummary;
import org.junit.jupiter.api.Test;

class MatchCustomersTaskletTest {

    @Test
    void theStepLineIsASentenceNotTheSummaryRecord() {
        MatchRunSummary summary = new MatchRunSummary(1479, 780, 63154, 886, 3, 780, 1, 2, 4, 1883);

        String line = MatchCustomersTasklet.describe(summary);

        assertThat(line)
                .isEqualTo("1479 records matched into 780 golden customers; 63,154 pairs compared, "
                        + "886 matched, 3 to review; 780 new ids, 1 merges, 2 splits, 4 steward overrides applied");
        assertThat(line).doesNotContain("MatchRunSummary", "[", "=");
    }
}
