package io.salesbi.match.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class DecisiveIdsTest {

    private static final List<MatchField> FIELDS = List.of(
            new MatchField("company", FieldType.COMPANY),
            new MatchField("city", FieldType.CITY),
            new MatchField("vat", FieldType.VAT_ID),
            new MatchField("debtor", FieldType.STRONG_ID));

    @Test
    void anAgreeingDebtorNumberLinksAndContradictingVatIdsKeepApart() {
        String[][] columns = {
            {"Alpha Antriebe GmbH", "Alpha Handelsgesellschaft", "Beta Sensorik GmbH", "Beta Sensorik GmbH"},
            {"Kassel", "Fulda", "Ulm", "Ulm"},
            {"", "", "DE 136 695 976", "DE123456789"},
            {"001234", "1234", "", ""}
        };

        MatchResult result = new MatchEngine(EngineSettings.defaults()).run(FIELDS, columns, ClusterConstraints.none());

        assertThat(result.clusterOf()).containsExactly(0, 0, 2, 3);
        assertThat(decisive(result)).contains(1, -1);
    }

    @Test
    void aDebtorNumberSharedByCompletelyDifferentNamesIsScoredInsteadOfLinking() {
        String[][] columns = {
            {"Alpha Antriebe GmbH", "Zeta Logistik KG", "Beta Sensorik GmbH"},
            {"Kassel", "Rostock", "Ulm"},
            {"", "", ""},
            {"4711", "4711", ""}
        };

        MatchResult result = new MatchEngine(EngineSettings.defaults()).run(FIELDS, columns, ClusterConstraints.none());

        assertThat(result.clusterOf()).containsExactly(0, 1, 2);
        assertThat(decisive(result)).containsOnly(0);
    }

    private static int[] decisive(MatchResult result) {
        return IntStream.range(0, result.pairs().size())
                .map(p -> result.pairs().decisive(p))
                .toArray();
    }
}
