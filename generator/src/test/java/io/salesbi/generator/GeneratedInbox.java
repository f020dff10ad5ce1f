package io.salesbi.generator;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/** Test helper: a generated inbox and typed access to its files. */
final class GeneratedInbox {

    static final String STAMP = "20260115";

    final Path root;
    final GenerationSummary summary;

    private GeneratedInbox(Path root, GenerationSummary summary) {
        this.root = root;
        this.summary = summary;
    }

    private static final Map<String, GeneratedInbox> SHARED = new HashMap<>();

    static GeneratedInbox generate(double scale, long seed, Path dir) throws IOException {
        return new GeneratedInbox(dir, new DemoDataGenerator(GeneratorSettings.of(scale, seed, dir)).generate());
    }

    /**
     * An inbox generated once per test JVM for this scale and seed, for tests that only read it (keeps the suite
     * fast on a shared machine); deleted when the JVM exits.
     */
    static synchronized GeneratedInbox shared(double scale, long seed) throws IOException {
        String key = scale + "/" + seed;
        GeneratedInbox inbox = SHARED.get(key);
        if (inbox == null) {
            Path dir = Files.createTempDirectory("salesbi-generated-");
            Runtime.getRuntime().addShutdownHook(new Thread(() -> deleteQuietly(dir)));
            inbox = generate(scale, seed, dir);
            SHARED.put(key, inbox);
        }
        return inbox;
    }

    private static void deleteQuietly(Path dir) {
        try (var files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // best effort at JVM exit: a leftover temp directory does no harm
        }
    }

    Path crm(String name) {
        return root.resolve("inbox/crm/crm_" + name + "_" + STAMP + ".csv");
    }

    Path erp(String name) {
        return root.resolve("inbox/erp/erp_" + name + "_" + STAMP + ".csv");
    }

    Path service() {
        return root.resolve("inbox/service/service_drivers_" + STAMP + ".csv");
    }

    Path truth(String name) {
        return root.resolve("truth/" + name + ".csv");
    }

    List<Path> repLists() throws IOException {
        try (var files = Files.list(root.resolve("inbox/excel"))) {
            return files.sorted().toList();
        }
    }

    /** All data rows of a CSV file; the header becomes the record's column names. */
    static List<CSVRecord> rows(Path file, Charset charset, char delimiter) throws IOException {
        CSVFormat format = CSVFormat.RFC4180
                .builder()
                .setDelimiter(delimiter)
                .setHeader()
                .setSkipHeaderRecord(true)
                .get();
        try (Reader reader = Files.newBufferedReader(file, charset);
                CSVParser parser = CSVParser.parse(reader, format)) {
            return new ArrayList<>(parser.getRecords());
        }
    }

    static List<CSVRecord> erpRows(Path file) throws IOException {
        return rows(file, CsvFile.WINDOWS_1252, ';');
    }

    /** The CRM files start with a BOM, which the parser must not see as part of the first column name. */
    static List<CSVRecord> crmRows(Path file) throws IOException {
        CSVFormat format = CSVFormat.RFC4180
                .builder()
                .setHeader()
                .setSkipHeaderRecord(true)
                .get();
        try (Reader reader = Files.newBufferedReader(file)) {
            int bom = reader.read();
            if (bom != '\uFEFF') {
                throw new IllegalStateException(file + " does not start with a BOM");
            }
            try (CSVParser parser = CSVParser.parse(reader, format)) {
                return new ArrayList<>(parser.getRecords());
            }
        }
    }

    static double german(String value) {
        return Double.parseDouble(value.replace(',', '.'));
    }
}
