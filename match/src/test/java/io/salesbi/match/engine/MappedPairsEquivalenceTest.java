package io.salesbi.match.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The same match on FEBRL dataset 3 (5,000 records) with every column on the heap and with every column in
 * memory-mapped files of 4 KB segments, blocking spilling runs of 4,096 pairs to disk: the same pairs in the same
 * order, the same log-odds, flags and levels bit for bit, the same clusters and record probabilities.
 */
class MappedPairsEquivalenceTest {

    private static final List<MatchField> FIELDS = List.of(
            new MatchField("given_name", FieldType.GIVEN_NAME),
            new MatchField("surname", FieldType.SURNAME),
            new MatchField("street_number", FieldType.HOUSE_NUMBER),
            new MatchField("address_1", FieldType.STREET),
            new MatchField("address_2", FieldType.TEXT),
            new MatchField("suburb", FieldType.CITY),
            new MatchField("postcode", FieldType.POSTCODE),
            new MatchField("state", FieldType.EXACT),
            new MatchField("date_of_birth", FieldType.DATE),
            new MatchField("soc_sec_id", FieldType.TEXT));

    @TempDir
    Path folder;

    @Test
    void heapAndMappedColumnsGiveTheSameMatchBitForBit() throws Exception {
        String[][] columns = febrl3();

        MatchResult heap = new MatchEngine(EngineSettings.defaults(), PairStorage.heapOnly())
                .run(FIELDS, columns, ClusterConstraints.none());
        MatchResult mapped = new MatchEngine(EngineSettings.defaults(), new PairStorage(0, 1 << 12, folder, 1 << 12))
                .run(FIELDS, columns, ClusterConstraints.none());

        ScoredPairs x = heap.pairs();
        ScoredPairs y = mapped.pairs();
        assertThat(x.size()).isGreaterThan(20_000);
        assertThat(y.size()).isEqualTo(x.size());
        for (int p = 0; p < x.size(); p++) {
            assertThat(y.a(p)).isEqualTo(x.a(p));
            assertThat(y.b(p)).isEqualTo(x.b(p));
            if (p > 0) {
                assertThat((long) x.a(p) << 32 | x.b(p)).isGreaterThan((long) x.a(p - 1) << 32 | x.b(p - 1));
            }
            assertThat(Double.doubleToRawLongBits(y.logit(p))).isEqualTo(Double.doubleToRawLongBits(x.logit(p)));
            assertThat(y.decisive(p)).isEqualTo(x.decisive(p));
            for (int f = 0; f < FIELDS.size(); f++) {
                assertThat(y.level(p, f)).isEqualTo(x.level(p, f));
            }
        }
        assertThat(mapped.clusterOf()).isEqualTo(heap.clusterOf());
        assertThat(mapped.probability()).isEqualTo(heap.probability());
        assertThat(mapped.clusterCount()).isEqualTo(heap.clusterCount()).isLessThan(columns[0].length);
        try (Stream<Path> left = Files.list(folder)) {
            assertThat(left).isEmpty();
        }
    }

    private static String[][] febrl3() throws Exception {
        List<String[]> rows = new ArrayList<>();
        try (Reader reader = Files.newBufferedReader(
                        Path.of(MappedPairsEquivalenceTest.class
                                .getResource("/match/datasets/febrl_dataset3.csv")
                                .toURI()),
                        StandardCharsets.UTF_8);
                CSVParser parser = CSVFormat.DEFAULT
                        .builder()
                        .setHeader()
                        .setIgnoreSurroundingSpaces(true)
                        .build()
                        .parse(reader)) {
            for (CSVRecord record : parser) {
                String[] row = new String[FIELDS.size()];
                for (int f = 0; f < row.length; f++) {
                    row[f] = record.get(FIELDS.get(f).name());
                }
                rows.add(row);
            }
        }
        String[][] columns = new String[FIELDS.size()][rows.size()];
        for (int i = 0; i < rows.size(); i++) {
            for (int f = 0; f < columns.length; f++) {
                columns[f][i] = rows.get(i)[f];
            }
        }
        return columns;
    }
}
