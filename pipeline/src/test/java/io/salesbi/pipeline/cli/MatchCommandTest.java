package io.salesbi.pipeline.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class MatchCommandTest {

    private static final List<String> FIELDS = List.of(
            "--field",
            "Firmen Name=company",
            "--field",
            "Straße=street",
            "--field",
            "PLZ=postcode",
            "--field",
            "Ort=city",
            "--field",
            "Telefon=phone");

    @TempDir
    Path folder;

    private Path input;
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @BeforeEach
    void copyFixture() throws Exception {
        input = folder.resolve("kundenliste.csv");
        try (InputStream in = getClass().getResourceAsStream("/match/kundenliste_mit_dubletten.csv")) {
            Files.copy(in, input);
        }
    }

    @Test
    void writesOneClusterIdPerRecordAndASummary() throws Exception {
        Path output = folder.resolve("clusters.csv");

        int exit = run(args(input, output));

        assertThat(exit).isZero();
        assertThat(clusterColumns(output))
                .containsExactly("id,cluster_id", "1,1", "2,1", "3,3", "4,3", "5,5", "6,6", "7,6", "8,8");
        assertThat(out.toString()).containsPattern("records 8, clusters 5, pairs compared \\d+, time \\d+\\.\\d\\d s");
    }

    @Test
    void readsTheSameListFromAnXlsxFile() throws Exception {
        Path xlsx = folder.resolve("kundenliste.xlsx");
        writeAsXlsx(Files.readAllLines(input), xlsx);
        Path output = folder.resolve("clusters.csv");

        int exit = run(args(xlsx, output));

        assertThat(exit).isZero();
        assertThat(clusterColumns(output))
                .containsExactly("id,cluster_id", "1,1", "2,1", "3,3", "4,3", "5,5", "6,6", "7,6", "8,8");
    }

    @Test
    void printsPrecisionRecallAndF1AgainstATruthFile() throws Exception {
        Path truth = folder.resolve("truth.csv");
        Files.write(truth, List.of("Kunden Nr,firm", "1,a", "2,a", "3,b", "4,b", "5,c", "6,d", "7,d", "8,c"));

        int exit = run(withTruth(args(input, folder.resolve("clusters.csv")), truth));

        assertThat(exit).isZero();
        assertThat(out.toString())
                .contains(
                        "pairwise: precision 1.0000, recall 0.7500, F1 0.8571 (true pairs 4, predicted 3, correct 3)");
    }

    @Test
    void explainsTheFalseMergesAndMissedPairsAgainstATruthFile() throws Exception {
        // the truth keeps Schulz Logistik's two records apart (a false merge) and calls Weber and Hoffmann one firm
        // (a pair no block key joins: missed, never compared)
        Path truth = folder.resolve("truth.csv");
        Files.write(truth, List.of("Kunden Nr,firm", "1,a", "2,a", "3,b", "4,b", "5,c", "6,d", "7,e", "8,c"));

        int exit = run(withTruth(args(input, folder.resolve("clusters.csv")), truth));

        assertThat(exit).isZero();
        String text = out.toString();
        assertThat(text)
                .contains("false merges: 1 record pairs in one cluster that the truth keeps apart, 1 of them compared "
                        + "(the rest joined through other records); the strongest:");
        assertThat(text).containsPattern("pair 6 - 7: same cluster\\R  prior \\(log-odds\\)");
        assertThat(text)
                .contains("missed pairs: 1 record pairs of one true entity in different clusters, 0 of them compared,"
                        + " 1 never proposed by blocking");
    }

    @Test
    void truthSamplesZeroPrintsOnlyTheCounts() throws Exception {
        Path truth = folder.resolve("truth.csv");
        Files.write(truth, List.of("Kunden Nr,firm", "1,a", "2,a", "3,b", "4,b", "5,c", "6,d", "7,e", "8,c"));
        List<String> quietArgs = new ArrayList<>(withTruth(args(input, folder.resolve("clusters.csv")), truth));
        quietArgs.addAll(List.of("--truth-samples", "0"));

        int exit = run(quietArgs);

        assertThat(exit).isZero();
        assertThat(out.toString()).contains("false merges: 1 record pairs").doesNotContain("pair 6 - 7");
    }

    @Test
    void aFilledInReviewListComesBackAsOverrides() throws Exception {
        Path review = folder.resolve("review.xlsx");
        List<String> reviewArgs = new ArrayList<>(args(input, folder.resolve("first.csv")));
        reviewArgs.addAll(List.of("--review-threshold", "0.000001", "--review-out", review.toString()));
        assertThat(run(reviewArgs)).isZero();
        Path overrides = folder.resolve("overrides");
        Files.createDirectories(overrides);
        decide(review, "6", "8", "match", overrides.resolve("review_done.xlsx"));
        Path output = folder.resolve("clusters.csv");
        List<String> again = new ArrayList<>(args(input, output));
        again.addAll(List.of("--overrides", overrides.toString()));

        assertThat(run(again)).isZero();

        assertThat(clusterColumns(output))
                .containsExactly("id,cluster_id", "1,1", "2,1", "3,3", "4,3", "5,5", "6,6", "7,6", "8,6");
    }

    @Test
    void theLeastCertainPairsGoToTheReviewFileForLabelling() throws Exception {
        Path review = folder.resolve("uncertain.xlsx");
        List<String> reviewArgs = new ArrayList<>(args(input, folder.resolve("clusters.csv")));
        reviewArgs.addAll(List.of("--review-out", review.toString(), "--uncertain", "3"));

        assertThat(run(reviewArgs)).as(err.toString()).isZero();

        try (InputStream in = Files.newInputStream(review);
                XSSFWorkbook workbook = new XSSFWorkbook(in)) {
            Sheet sheet = workbook.getSheet("Review");
            assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).isEqualTo("record_1");
            // a header and the three least certain pairs
            assertThat(sheet.getLastRowNum()).isEqualTo(3);
        }
    }

    @Test
    void aSimulatedReviewLabelsTheLeastCertainPairsAndReportsBeforeAndAfter() throws Exception {
        Path truth = folder.resolve("truth.csv");
        Files.write(truth, List.of("Kunden Nr,firm", "1,a", "2,a", "3,b", "4,b", "5,c", "6,d", "7,d", "8,e"));
        List<String> simulateArgs = new ArrayList<>(withTruth(args(input, folder.resolve("clusters.csv")), truth));
        simulateArgs.addAll(List.of("--simulate-review", "5"));

        assertThat(run(simulateArgs)).as(err.toString()).isZero();

        assertThat(out.toString())
                .containsPattern("simulated review: 5 least certain pairs labelled from the truth, \\d+ of them yes")
                .contains("before the labels, all records:")
                .contains("after the labels, all records:")
                .contains("records outside the pairs labelled yes (the test set), before and after:");
        assertThat(run(List.of(
                        "--input",
                        input.toString(),
                        "--id",
                        "Kunden Nr",
                        "--field",
                        "PLZ=postcode",
                        "--output",
                        folder.resolve("x.csv").toString(),
                        "--simulate-review",
                        "5")))
                .isEqualTo(2);
        assertThat(err.toString()).contains("--simulate-review 5: expected N >= 1, with --truth");
    }

    @Test
    void explainsAPairFieldByField() throws Exception {
        List<String> explainArgs = new ArrayList<>(args(input, folder.resolve("clusters.csv")));
        explainArgs.addAll(List.of("--explain", "1", "2", "--explain", "3", "6"));

        int exit = run(explainArgs);

        assertThat(exit).isZero();
        String text = out.toString();
        assertThat(text).contains("pair 1 - 2: same cluster");
        // a second --explain is explained too
        assertThat(text).contains("pair 3 - 6: different clusters");
        assertThat(text)
                .containsPattern("Firmen Name\\s+\\+\\d+\\.\\d\\d\\s+exact\\s+"
                        + "\"Müller Maschinenbau GmbH\" vs \"Mueller Maschinenbau\"");
        assertThat(text)
                .containsPattern("Straße\\s+\\+\\d+\\.\\d\\d\\s+exact\\s+\"Hauptstr. 12\" vs \"Hauptstraße 12\"");
        // the city adds nothing where the postcode agrees
        assertThat(text).containsPattern("Ort\\s+\\+0\\.00\\s+missing");
        assertThat(text).containsPattern("score \\d+\\.\\d\\d, probability \\d\\.\\d{4}: match");
    }

    @Test
    void explainingAnUnknownIdIsABadUsage() throws Exception {
        List<String> explainArgs = new ArrayList<>(args(input, folder.resolve("clusters.csv")));
        explainArgs.addAll(List.of("--explain", "1", "99"));

        assertThat(run(explainArgs)).isEqualTo(2);
        assertThat(err.toString()).contains("no record with id '99'");
    }

    @Test
    void anUnknownColumnIsABadUsageWithExitCode2() throws Exception {
        int exit = run(List.of(
                "--input",
                input.toString(),
                "--id",
                "Kunden Nr",
                "--field",
                "Firma=company",
                "--output",
                folder.resolve("x.csv").toString()));

        assertThat(exit).isEqualTo(2);
        assertThat(err.toString()).contains("no column 'Firma'");
    }

    @Test
    void linksTwoListsAndNeverMergesWithinOne() throws Exception {
        // the first list holds both Schulz records (6 and 7), which deduplication merges; the second holds the other
        // spellings of Müller (2) and Becker (4)
        List<String> lines = Files.readAllLines(input);
        Path first = folder.resolve("erp.csv");
        Path second = folder.resolve("crm.csv");
        Files.write(
                first,
                List.of(
                        lines.get(0),
                        lines.get(1),
                        lines.get(3),
                        lines.get(5),
                        lines.get(6),
                        lines.get(7),
                        lines.get(8)));
        Files.write(second, List.of(lines.get(0), lines.get(2), lines.get(4)));
        Path output = folder.resolve("links.csv");
        List<String> linkArgs =
                new ArrayList<>(List.of("--link", first.toString(), second.toString(), "--id", "Kunden Nr"));
        linkArgs.addAll(FIELDS);
        linkArgs.addAll(List.of("--output", output.toString()));

        int exit = run(linkArgs);

        assertThat(exit).as(err.toString()).isZero();
        assertThat(clusterColumns(output))
                .containsExactly("id,cluster_id", "1,1", "3,3", "5,5", "6,6", "7,7", "8,8", "2,1", "4,3");
    }

    @Test
    void linkAndInputTogetherOrAnUnknownLinkModeAreBadUsage() {
        List<String> both = new ArrayList<>(args(input, folder.resolve("out.csv")));
        both.addAll(List.of("--link", input.toString(), input.toString()));
        assertThat(run(both)).isEqualTo(2);
        assertThat(err.toString()).contains("give either --input FILE or --link FILE FILE");

        List<String> mode = new ArrayList<>(List.of("--link", input.toString(), input.toString(), "--id", "Kunden Nr"));
        mode.addAll(FIELDS);
        mode.addAll(List.of("--output", folder.resolve("out.csv").toString(), "--link-mode", "many-to-many"));
        assertThat(run(mode)).isEqualTo(2);
        assertThat(err.toString()).contains("--link-mode 'many-to-many': expected one-to-one or one-to-many");
    }

    @Test
    void aShareOfTheTruthTrainsTheModelAndTheRestIsMeasuredApart() throws Exception {
        Path truth = folder.resolve("truth.csv");
        Files.write(truth, List.of("Kunden Nr,firm", "1,a", "2,a", "3,b", "4,b", "5,c", "6,d", "7,d", "8,c"));
        List<String> trainArgs = new ArrayList<>(withTruth(args(input, folder.resolve("clusters.csv")), truth));
        trainArgs.addAll(List.of("--train-share", "1"));

        int exit = run(trainArgs);

        assertThat(exit).as(err.toString()).isZero();
        // share 1: every entity with more than one record (a, b, d; c's records 5 and 8 are different firms in the
        // list but one entity in this truth, so c is drawn as well)
        assertThat(out.toString()).contains("training labels: 8 records of 4 entities from " + truth);
        assertThat(out.toString()).contains("held out (records of entities not used for training):");
    }

    @Test
    void aTrainShareNeedsATruthFile() {
        List<String> trainArgs = new ArrayList<>(args(input, folder.resolve("clusters.csv")));
        trainArgs.addAll(List.of("--train-share", "0.5"));

        assertThat(run(trainArgs)).isEqualTo(2);
        assertThat(err.toString()).contains("--train-share 0.5: expected a share from 0 to 1, with --truth");
    }

    @Test
    void reviewAsksAboutTheLeastCertainPairsAndAppendsTheAnswersToTheOverrides() throws Exception {
        Path overrides = folder.resolve("labels.csv");
        List<String> reviewArgs = new ArrayList<>(List.of("review", "--input", input.toString(), "--id", "Kunden Nr"));
        reviewArgs.addAll(FIELDS);
        reviewArgs.addAll(List.of("--overrides", overrides.toString(), "--batch", "1", "--pairs", "2"));

        int exit = runWithAnswers(reviewArgs, "yes\nn\n");

        assertThat(exit).as(err.toString()).isZero();
        List<String> labels = Files.readAllLines(overrides);
        assertThat(labels).hasSize(3);
        assertThat(labels.get(0)).isEqualTo("record_1,record_2,decision,comment");
        assertThat(labels.get(1))
                .containsPattern("^\\d,\\d,match,salesbi match review \\(match probability 0\\.\\d{4}\\)$");
        assertThat(labels.get(2)).containsPattern("^\\d,\\d,no_match,");
        assertThat(out.toString())
                .containsPattern("8 records, \\d+ pairs compared")
                .contains("same? [y]es / [n]o / [u]nsure / [q]uit: ")
                .contains("estimated again with 1 labels of this session (1 same, 0 different)")
                .contains("estimated again with 2 labels of this session (1 same, 1 different)")
                .contains("reviewed 2 pairs: 1 same, 1 different, 0 unsure; labels in " + overrides);
    }

    @Test
    void reviewingAListNeedsAnOverridesFileAndMatchItsColumns() throws Exception {
        List<String> reviewArgs = new ArrayList<>(List.of("review", "--input", input.toString(), "--id", "Kunden Nr"));
        reviewArgs.addAll(FIELDS);

        assertThat(runWithAnswers(reviewArgs, "")).isEqualTo(2);
        assertThat(err.toString())
                .contains("--input needs --id COLUMN, --field COLUMN=TYPE and --overrides FILE (where the labels go)");
        assertThat(run(List.of())).isEqualTo(2);
        assertThat(err.toString())
                .contains("Missing required options: --id=COLUMN, --field=COLUMN=TYPE and --output=FILE");
    }

    private int runWithAnswers(List<String> args, String answers) {
        CommandLine command = new CommandLine(new MatchCommand());
        command.setOut(new PrintWriter(out));
        command.setErr(new PrintWriter(err));
        MatchReviewCommand review = command.getSubcommands().get("review").getCommand();
        review.answers = new java.io.BufferedReader(new java.io.StringReader(answers));
        return command.execute(args.toArray(String[]::new));
    }

    private int run(List<String> args) {
        CommandLine command = new CommandLine(new MatchCommand());
        command.setOut(new PrintWriter(out));
        command.setErr(new PrintWriter(err));
        return command.execute(args.toArray(String[]::new));
    }

    private static List<String> args(Path input, Path output) {
        List<String> args = new ArrayList<>(List.of("--input", input.toString(), "--id", "Kunden Nr"));
        args.addAll(FIELDS);
        args.addAll(List.of("--output", output.toString()));
        return args;
    }

    private static List<String> withTruth(List<String> args, Path truth) {
        List<String> all = new ArrayList<>(args);
        all.addAll(List.of("--truth", truth.toString(), "--truth-column", "firm"));
        return all;
    }

    private static List<String> clusterColumns(Path output) throws Exception {
        return Files.readAllLines(output).stream()
                .map(line -> line.substring(0, line.lastIndexOf(',')))
                .toList();
    }

    private static void writeAsXlsx(List<String> csvLines, Path xlsx) throws Exception {
        try (XSSFWorkbook workbook = new XSSFWorkbook();
                OutputStream out = Files.newOutputStream(xlsx)) {
            Sheet sheet = workbook.createSheet("Kunden");
            for (int r = 0; r < csvLines.size(); r++) {
                String[] values = csvLines.get(r).split(";", -1);
                Row row = sheet.createRow(r);
                for (int c = 0; c < values.length; c++) {
                    row.createCell(c).setCellValue(values[c]);
                }
            }
            workbook.write(out);
        }
    }

    /** Fills in the decision of one pair in a review list, as a steward would in Excel. */
    private static void decide(Path review, String first, String second, String decision, Path target)
            throws Exception {
        try (InputStream in = Files.newInputStream(review);
                XSSFWorkbook workbook = new XSSFWorkbook(in)) {
            Sheet sheet = workbook.getSheet("Review");
            boolean found = false;
            for (Row row : sheet) {
                String a = row.getCell(0).getStringCellValue();
                String b = row.getCell(1).getStringCellValue();
                if (a.equals(first) && b.equals(second)) {
                    (row.getCell(3) == null ? row.createCell(3) : row.getCell(3)).setCellValue(decision);
                    found = true;
                }
            }
            assertThat(found).as("pair %s-%s in the review list", first, second).isTrue();
            try (OutputStream out = Files.newOutputStream(target)) {
                workbook.write(out);
            }
        }
    }
}
