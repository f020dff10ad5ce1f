package io.salesbi.match.adhoc;

import static org.assertj.core.api.Assertions.assertThat;

import io.salesbi.match.engine.EngineSettings;
import io.salesbi.match.engine.FieldType;
import io.salesbi.match.engine.MatchField;
import io.salesbi.match.quality.MatchQuality;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Matching quality on public labelled sets (copies in src/test/resources/match/datasets, see the README there),
 * all with the default settings: nothing is tuned to one set.
 */
class LabelledSetsQualityTest {

    @TempDir
    Path folder;

    @Test
    void febrlDataset3PersonsWithAddresses() throws Exception {
        Path input = resource("febrl_dataset3.csv");
        List<MatchField> fields = List.of(
                field("given_name", FieldType.GIVEN_NAME),
                field("surname", FieldType.SURNAME),
                field("street_number", FieldType.HOUSE_NUMBER),
                field("address_1", FieldType.STREET),
                field("address_2", FieldType.TEXT),
                field("suburb", FieldType.CITY),
                field("postcode", FieldType.POSTCODE),
                field("state", FieldType.EXACT),
                field("date_of_birth", FieldType.DATE),
                field("soc_sec_id", FieldType.TEXT));

        AdHocMatchResult result = new AdHocMatch(EngineSettings.defaults()).run(input, "rec_id", fields, null);

        Map<String, String> truth = new HashMap<>();
        for (String id : result.ids()) {
            truth.put(id, id.replaceAll("^rec-(\\d+)-.*$", "$1"));
        }
        MatchQuality quality = report("FEBRL dataset3", MatchQuality.of(result.clusterIdsById(), truth));
        assertThat(quality.truePairs()).isEqualTo(6538);
        assertThat(quality.f1()).isGreaterThanOrEqualTo(0.99);
    }

    @Test
    void splinkFake1000PersonsWithTyposAndSwappedNames() throws Exception {
        Path input = resource("splink_fake_1000.csv");
        List<MatchField> fields = List.of(
                field("first_name", FieldType.GIVEN_NAME),
                field("surname", FieldType.SURNAME),
                field("dob", FieldType.DATE),
                field("city", FieldType.CITY),
                field("email", FieldType.EMAIL));

        AdHocMatchResult result = new AdHocMatch(EngineSettings.defaults()).run(input, "unique_id", fields, null);

        MatchQuality quality = report(
                "Splink fake_1000", MatchQuality.of(result.clusterIdsById(), column(input, "unique_id", "cluster")));
        assertThat(quality.truePairs()).isEqualTo(2031);
        assertThat(quality.precision()).isGreaterThanOrEqualTo(0.98);
        assertThat(quality.f1()).isGreaterThanOrEqualTo(0.94);
    }

    @Test
    void fodorsZagatRestaurantsAcrossTwoGuides() throws Exception {
        Path input = folder.resolve("fodors_zagats.csv");
        Map<String, String> truth = fodorsZagat(input);
        List<MatchField> fields = List.of(
                field("name", FieldType.COMPANY),
                field("addr", FieldType.ADDRESS),
                field("city", FieldType.CITY),
                field("phone", FieldType.PHONE),
                field("type", FieldType.TEXT));
        EngineSettings settings = new EngineSettings(0.9, 0.5, 100, 50_000, 40, "US", null, 0.12);

        AdHocMatchResult result = new AdHocMatch(settings).run(input, "id", fields, null);

        MatchQuality quality = report("Fodors-Zagat", MatchQuality.of(result.clusterIdsById(), truth));
        assertThat(quality.truePairs()).isEqualTo(112);
        assertThat(quality.f1()).isGreaterThanOrEqualTo(0.9);
    }

    @Test
    void fodorsZagatRestaurantsLinkedAcrossTheTwoGuidesOneToOne() throws Exception {
        Map<String, String> truth = fodorsZagat(folder.resolve("fodors_zagats.csv"));
        Path fodors = folder.resolve("fodors.csv");
        Path zagats = folder.resolve("zagats.csv");
        writeWithIds(resource("fodors.csv"), "f", fodors);
        writeWithIds(resource("zagats.csv"), "z", zagats);
        List<MatchField> fields = List.of(
                field("name", FieldType.COMPANY),
                field("addr", FieldType.ADDRESS),
                field("city", FieldType.CITY),
                field("phone", FieldType.PHONE),
                field("type", FieldType.TEXT));
        EngineSettings settings = new EngineSettings(0.9, 0.5, 100, 50_000, 40, "US", null, 0.12);

        AdHocMatchResult result = new AdHocMatch(settings).link(fodors, zagats, "id", fields, null, true);

        MatchQuality quality =
                report("Fodors-Zagat, linked one-to-one", MatchQuality.of(result.clusterIdsById(), truth));
        assertThat(result.ids()).hasSize(533 + 331);
        assertThat(quality.truePairs()).isEqualTo(112);
        assertThat(quality.f1()).isGreaterThanOrEqualTo(LINKED_F1);
        // never two records of one guide in one cluster, and at most one of each
        Map<String, List<String>> clusters = new HashMap<>();
        result.clusterIdsById()
                .forEach((id, cluster) -> clusters.computeIfAbsent(cluster, c -> new ArrayList<>())
                        .add(id));
        for (List<String> members : clusters.values()) {
            assertThat(members.stream().filter(id -> id.startsWith("f")).count())
                    .isLessThanOrEqualTo(1);
            assertThat(members.stream().filter(id -> id.startsWith("z")).count())
                    .isLessThanOrEqualTo(1);
        }
    }

    /**
     * Measured when linkage was added: precision 1.0, recall 0.9911, F1 0.9955 (the same data deduplicated as one
     * list: precision 0.9487, F1 0.9694); the test keeps a small margin below it.
     */
    private static final double LINKED_F1 = 0.99;

    @Test
    void truthLabelsTrainTheModel() throws Exception {
        Path input = resource("splink_fake_1000.csv");
        List<MatchField> fields = List.of(
                field("first_name", FieldType.GIVEN_NAME),
                field("surname", FieldType.SURNAME),
                field("dob", FieldType.DATE),
                field("city", FieldType.CITY),
                field("email", FieldType.EMAIL));
        Map<String, String> truth = column(input, "unique_id", "cluster");
        Map<String, String> training = io.salesbi.match.quality.TruthFile.trainingShare(truth, 0.2);

        AdHocMatchResult trained = new AdHocMatch(EngineSettings.defaults())
                .withTrainingEntities(training)
                .run(input, "unique_id", fields, null);
        AdHocMatchResult untrained = new AdHocMatch(EngineSettings.defaults()).run(input, "unique_id", fields, null);

        assertThat(io.salesbi.match.quality.TruthFile.trainingShare(truth, 0.2)).isEqualTo(training);
        assertThat(trained.match().convergence().labelledFields()).isEqualTo(5);
        assertThat(untrained.match().convergence().labelledFields()).isZero();
        Map<String, String> heldOut = new HashMap<>(truth);
        heldOut.keySet().removeAll(training.keySet());
        MatchQuality before = report(
                "Splink fake_1000, held-out records (80 % of entities), EM alone",
                MatchQuality.of(untrained.clusterIdsById(), heldOut));
        MatchQuality after = report(
                "Splink fake_1000, held-out records, trained on the other 20 % of entities",
                MatchQuality.of(trained.clusterIdsById(), heldOut));
        assertThat(after.truePairs()).isEqualTo(before.truePairs());
        assertThat(after.f1()).isGreaterThanOrEqualTo(TRAINED_F1);
    }

    /**
     * Measured when truth labels were added, on the held-out records: EM alone F1 0.9461 (precision 1.0, recall
     * 0.8977), trained F1 0.9450 (precision 0.9968, recall 0.8983): on this set the labels change little, EM already
     * finds the match class; the missed pairs share too little (typos in both names and a different city) for any
     * m-probabilities. The test keeps the trained model from doing worse than that.
     */
    private static final double TRAINED_F1 = 0.94;

    @Test
    void fiftyLeastCertainPairsLabelledImproveTheHeldOutRecords() throws Exception {
        // active learning as a steward would do it: the 50 pairs the model is least sure of are labelled (here from
        // the truth), the "yes" labels train the model, and quality is measured on the records outside them
        Path input = resource("febrl_dataset3.csv");
        List<MatchField> fields = List.of(
                field("given_name", FieldType.GIVEN_NAME),
                field("surname", FieldType.SURNAME),
                field("address_1", FieldType.ADDRESS),
                field("suburb", FieldType.CITY),
                field("postcode", FieldType.POSTCODE));
        AdHocMatch matcher = new AdHocMatch(EngineSettings.defaults());
        AdHocMatchResult before = matcher.run(input, "rec_id", fields, null);
        Map<String, String> truth = new HashMap<>();
        for (String id : before.ids()) {
            truth.put(id, id.replaceAll("^rec-(\\d+)-.*$", "$1"));
        }

        List<Integer> uncertain = before.uncertainPairs(50);
        List<List<String>> yes = before.labelUncertainFromTruth(50, truth);
        AdHocMatchResult after = matcher.withTrainingPairs(yes).run(input, "rec_id", fields, null);

        assertThat(uncertain).hasSize(50);
        // least certain first: the scores on the fields move away from even odds
        assertThat(Math.abs(before.match().fieldLogit(uncertain.get(0))))
                .isLessThanOrEqualTo(Math.abs(before.match().fieldLogit(uncertain.get(49))));
        assertThat(yes).hasSize(44);
        assertThat(after.match().convergence().labelledFields()).isEqualTo(5);
        Map<String, String> heldOut = new HashMap<>(truth);
        yes.forEach(pair -> heldOut.keySet().removeAll(pair));
        MatchQuality untrained = report(
                "FEBRL 3, address line, records outside 44 yes-labelled pairs, before",
                MatchQuality.of(before.clusterIdsById(), heldOut));
        MatchQuality trained = report(
                "FEBRL 3, address line, records outside 44 yes-labelled pairs, after 50 labels",
                MatchQuality.of(after.clusterIdsById(), heldOut));
        // measured: F1 0.9799 (precision 1.0, recall 0.9607) before, 0.9877 (0.9990, 0.9767) after
        assertThat(untrained.f1()).isLessThan(0.981);
        assertThat(trained.f1()).isGreaterThanOrEqualTo(0.987);
    }

    @Test
    void patstatCompanyNamesOnTheirOwn() throws Exception {
        Path input = resource("patstat_reference.csv");
        List<MatchField> fields = List.of(field("person_name", FieldType.COMPANY));

        AdHocMatchResult result = new AdHocMatch(EngineSettings.defaults()).run(input, "person_id", fields, null);

        MatchQuality quality = report(
                "PATSTAT company names",
                MatchQuality.of(result.clusterIdsById(), column(input, "person_id", "leuven_id")));
        assertThat(quality.truePairs()).isEqualTo(293_785);
        assertThat(quality.precision()).isGreaterThanOrEqualTo(0.99);
        assertThat(quality.f1()).isGreaterThanOrEqualTo(PATSTAT_F1);
        assertThat(quality.bcubedF1()).isGreaterThanOrEqualTo(PATSTAT_BCUBED_F1);
    }

    /**
     * PATSTAT applicants by name alone, measured: before twins, seats and abbreviations pairwise F1 0.2126 (precision
     * 0.9999, recall 0.1189; B-cubed F1 0.6123), after them 0.8315 (1.0, 0.7116; B-cubed 0.9253). Most of the pairs
     * still missed are Philips under its former name ("N.V. Philips' Gloeilampenfabrieken", 105 records against
     * 525 "Koninklijke Philips Electronics"), which no comparison of the strings can join. Kept a little below.
     */
    private static final double PATSTAT_F1 = 0.82;

    private static final double PATSTAT_BCUBED_F1 = 0.91;

    private static MatchQuality report(String name, MatchQuality quality) {
        System.out.println(name + System.lineSeparator() + quality.report());
        return quality;
    }

    private Map<String, String> fodorsZagat(Path combined) throws IOException, URISyntaxException {
        InputTable fodors = InputTableReader.read(resource("fodors.csv"));
        InputTable zagats = InputTableReader.read(resource("zagats.csv"));
        InputTable matches = InputTableReader.read(resource("matches_fodors_zagats.csv"));
        Map<String, String> truth = new HashMap<>();
        List<String> lines = new ArrayList<>(List.of("id,name,addr,city,phone,type"));
        for (String[] row : fodors.rows()) {
            lines.add(csvLine("f" + row[0], row));
            truth.put("f" + row[0], "f" + row[0]);
        }
        for (String[] row : zagats.rows()) {
            lines.add(csvLine("z" + row[0], row));
            truth.put("z" + row[0], "z" + row[0]);
        }
        for (String[] match : matches.rows()) {
            truth.put("z" + match[1], "f" + match[0]);
        }
        Files.write(combined, lines);
        return truth;
    }

    /** The guide's file with its ids prefixed as in the truth ("f12", "z7"). */
    private static void writeWithIds(Path source, String prefix, Path target) throws IOException {
        InputTable table = InputTableReader.read(source);
        List<String> lines = new ArrayList<>(List.of(String.join(",", table.header())));
        for (String[] row : table.rows()) {
            lines.add(csvLine(prefix + row[0], row));
        }
        Files.write(target, lines);
    }

    private static String csvLine(String id, String[] row) {
        StringBuilder line = new StringBuilder(id);
        for (int c = 1; c < row.length; c++) {
            line.append(",\"").append(row[c].replace("\"", "\"\"")).append('"');
        }
        return line.toString();
    }

    private static Map<String, String> column(Path file, String idColumn, String entityColumn) throws IOException {
        InputTable table = InputTableReader.read(file);
        int id = table.column(idColumn);
        int entity = table.column(entityColumn);
        Map<String, String> truth = new HashMap<>();
        for (String[] row : table.rows()) {
            truth.put(row[id], row[entity]);
        }
        return truth;
    }

    private static MatchField field(String name, FieldType type) {
        return new MatchField(name, type);
    }

    private static Path resource(String name) throws URISyntaxException {
        return Path.of(LabelledSetsQualityTest.class
                .getResource("/match/datasets/" + name)
                .toURI());
    }
}
