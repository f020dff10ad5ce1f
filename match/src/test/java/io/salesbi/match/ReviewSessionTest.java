package io.salesbi.match;

import static org.assertj.core.api.Assertions.assertThat;

import io.salesbi.match.adhoc.AdHocMatch;
import io.salesbi.match.adhoc.AdHocMatchResult;
import io.salesbi.match.engine.EngineSettings;
import io.salesbi.match.engine.FieldType;
import io.salesbi.match.engine.MatchField;
import io.salesbi.match.quality.MatchQuality;
import java.io.BufferedReader;
import java.io.PrintWriter;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The steward's console review on FEBRL 3 (persons with an address line, where the model is least sure). */
class ReviewSessionTest {

    private static final List<MatchField> FIELDS = List.of(
            new MatchField("given_name", FieldType.GIVEN_NAME),
            new MatchField("surname", FieldType.SURNAME),
            new MatchField("address_1", FieldType.ADDRESS),
            new MatchField("suburb", FieldType.CITY),
            new MatchField("postcode", FieldType.POSTCODE));

    @TempDir
    Path folder;

    private final StringWriter shown = new StringWriter();
    private final PrintWriter out = new PrintWriter(shown);

    @Test
    void answersAreAppendedAsTheyComeAndTheModelIsEstimatedAfterEachBatch() throws Exception {
        Path input = febrl3();
        Path overrides = folder.resolve("overrides.csv");
        AdHocMatch adHoc = new AdHocMatch(EngineSettings.defaults());
        ReviewSession.Matcher matcher = () -> adHoc.run(input, "rec_id", FIELDS, overrides);
        List<Integer> firstTwo = matcher.match().uncertainPairs(2);
        AdHocMatchResult before = matcher.match();

        ReviewSession.Outcome outcome = new ReviewSession(
                        matcher,
                        overrides,
                        2,
                        10,
                        null,
                        new BufferedReader(new StringReader("y\nmaybe\nn\nu\nq\n")),
                        out)
                .run();

        assertThat(outcome.asked()).isEqualTo(3);
        assertThat(outcome).extracting("yes", "no", "unsure", "estimates").containsExactly(1, 1, 1, 1);
        assertThat(Files.readAllLines(overrides))
                .containsExactly(
                        "record_1,record_2,decision,comment",
                        ids(before, firstTwo.get(0)) + ",match,salesbi match review (match probability "
                                + probability(before, firstTwo.get(0)) + ")",
                        ids(before, firstTwo.get(1)) + ",no_match,salesbi match review (match probability "
                                + probability(before, firstTwo.get(1)) + ")");
        assertThat(shown.toString())
                .contains("'maybe': answer y (same), n (different), u (unsure) or q (quit)")
                .contains("estimated again with 2 labels of this session (1 same, 1 different)")
                .contains("reviewed 3 pairs: 1 same, 1 different, 1 unsure; labels in " + overrides);
        // the labels are constraints of the next match: the pair labelled the same is one cluster now
        String[] same = ids(before, firstTwo.get(0)).split(",");
        Map<String, String> clusters = outcome.last().clusterIdsById();
        assertThat(clusters.get(same[0])).isEqualTo(clusters.get(same[1]));
    }

    @Test
    void aHundredLabelsFromAStewardWhoKnowsTheTruthLiftTheTestSet() throws Exception {
        Path input = febrl3();
        Path overrides = folder.resolve("overrides.csv");
        AdHocMatch adHoc = new AdHocMatch(EngineSettings.defaults());
        Map<String, String> truth = new HashMap<>();
        for (String id : adHoc.run(input, "rec_id", FIELDS, null).ids()) {
            truth.put(id, id.replaceAll("^rec-(\\d+)-.*$", "$1"));
        }

        ReviewSession.Outcome outcome = new ReviewSession(
                        () -> adHoc.run(input, "rec_id", FIELDS, overrides),
                        overrides,
                        50,
                        100,
                        truth,
                        new TruthfulSteward(shown, truth),
                        out)
                .run();

        assertThat(outcome.asked()).isEqualTo(100);
        assertThat(outcome.yes() + outcome.no()).isEqualTo(100);
        assertThat(outcome.estimates()).isEqualTo(2);
        assertThat(Files.readAllLines(overrides)).hasSize(101);
        Set<String> labelled = new HashSet<>();
        for (String line : Files.readAllLines(overrides).subList(1, 101)) {
            String[] cells = line.split(",");
            labelled.add(cells[0]);
            labelled.add(cells[1]);
        }
        Map<String, String> test = new HashMap<>(truth);
        test.keySet().removeAll(labelled);
        MatchQuality first = MatchQuality.of(outcome.first().clusterIdsById(), test);
        MatchQuality last = MatchQuality.of(outcome.last().clusterIdsById(), test);
        assertThat(shown.toString())
                .contains(String.format(
                        java.util.Locale.ROOT,
                        "test set (%,d records of the truth outside the labelled pairs): before the labels "
                                + "pairwise precision %.4f, recall %.4f, F1 %.4f",
                        first.records(),
                        first.precision(),
                        first.recall(),
                        first.f1()));
        // measured: 58 same, 42 different; after the first 50 labels the test set went from F1 0.9799 (precision
        // 1.0, recall 0.9606) to 0.9877 (0.9990, 0.9767), after all 100 from 0.9811 to 0.9881 (4,847 records)
        assertThat(outcome.yes()).isEqualTo(58);
        assertThat(first.f1()).isLessThan(0.982);
        assertThat(last.f1()).isGreaterThanOrEqualTo(0.988);
    }

    /** Answers each question about the last pair shown as the truth says. */
    private static final class TruthfulSteward extends BufferedReader {

        private static final Pattern PAIR = Pattern.compile("pair (\\S+) - (\\S+): ");

        private final StringWriter shown;
        private final Map<String, String> truth;

        TruthfulSteward(StringWriter shown, Map<String, String> truth) {
            super(new StringReader(""));
            this.shown = shown;
            this.truth = truth;
        }

        @Override
        public String readLine() {
            Matcher pair = PAIR.matcher(shown.toString());
            String a = null;
            String b = null;
            while (pair.find()) {
                a = pair.group(1);
                b = pair.group(2);
            }
            return a == null ? null : truth.get(a).equals(truth.get(b)) ? "y" : "n";
        }
    }

    private static String ids(AdHocMatchResult result, int pair) {
        return result.ids().get(result.match().pairs().a(pair)) + ","
                + result.ids().get(result.match().pairs().b(pair));
    }

    private static String probability(AdHocMatchResult result, int pair) {
        return String.format(
                java.util.Locale.ROOT, "%.4f", result.match().pairs().probability(pair));
    }

    private static Path febrl3() throws Exception {
        return Path.of(ReviewSessionTest.class
                .getResource("/match/datasets/febrl_dataset3.csv")
                .toURI());
    }
}
