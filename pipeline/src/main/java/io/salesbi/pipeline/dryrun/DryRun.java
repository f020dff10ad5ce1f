package io.salesbi.pipeline.dryrun;

import io.salesbi.connectors.mapping.SourceMapping;
import io.salesbi.match.CustomerStandardizer;
import io.salesbi.pipeline.ingest.FileIngestor;
import io.salesbi.pipeline.ingest.FileLoadResult;
import io.salesbi.pipeline.job.JobParameters;
import io.salesbi.pipeline.job.ReferenceVocabularies;
import io.salesbi.pipeline.warehouse.Warehouse;
import io.salesbi.sql.SqlScripts;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A steward's dry run: the night's own ingest and validation, on a scratch copy of the warehouse, for the files given
 * (each with every mapping that takes it). Because it is the same code and SQL as the night, it predicts exactly what
 * the night would load, quarantine (in any stage, by rule), filter and supersede, against what the warehouse already
 * holds plus the other files of the same call. The warehouse itself is never written.
 */
public final class DryRun {

    private static final Logger log = LoggerFactory.getLogger(DryRun.class);
    private static final long DRY_RUN_ID = 0;
    private static final int EXAMPLES = 3;

    private final Path warehouseFile;
    private final Path referenceFolder;
    private final Map<String, String> parameters;
    private final LocalDate asOf;

    /** @param referenceFolder the installation's reference vocabularies (the bundled defaults when it has none) */
    public DryRun(Path warehouseFile, Path referenceFolder, Map<String, String> parameters, LocalDate asOf) {
        this.warehouseFile = warehouseFile;
        this.referenceFolder = referenceFolder;
        this.parameters = parameters;
        this.asOf = asOf;
    }

    /** Loads and validates every file with its mappings on a scratch warehouse; returns one verdict per file and mapping. */
    public Result run(Map<Path, List<SourceMapping>> files) throws IOException, SQLException {
        Path scratch = Files.createTempDirectory("salesbi-validate");
        try {
            Path copy = scratch.resolve("warehouse.duckdb");
            String basis = copyWarehouse(copy);
            try (Warehouse warehouse = Warehouse.open(copy)) {
                FileIngestor ingestor = new FileIngestor(warehouse, DRY_RUN_ID);
                List<Loaded> loads = new ArrayList<>();
                for (Map.Entry<Path, List<SourceMapping>> e : files.entrySet()) {
                    for (SourceMapping mapping : e.getValue()) {
                        loads.add(new Loaded(e.getKey(), mapping, ingestor.ingest(e.getKey(), mapping)));
                    }
                }
                try (Connection conn = warehouse.connect()) {
                    JobParameters.write(conn, parameters, DRY_RUN_ID, asOf, false);
                    ReferenceVocabularies.load(
                            conn,
                            referenceFolder != null && Files.isDirectory(referenceFolder)
                                    ? referenceFolder
                                    : scratch.resolve("reference"));
                    SqlScripts.runFolder(conn, "validate");
                    CustomerStandardizer.run(conn, DRY_RUN_ID);
                    List<FileVerdict> verdicts = new ArrayList<>();
                    for (Loaded l : loads) {
                        verdicts.add(verdict(conn, l));
                    }
                    return new Result(basis, verdicts);
                }
            }
        } finally {
            deleteQuietly(scratch);
        }
    }

    /**
     * Copies the warehouse to {@code copy} while holding it read-only (no night can write it meanwhile); returns what
     * the dry run is checked against. A warehouse held by a running night or server cannot be opened even read-only:
     * then the files are checked against each other only.
     */
    private String copyWarehouse(Path copy) throws IOException {
        if (warehouseFile == null || !Files.isRegularFile(warehouseFile)) {
            return "an empty warehouse (none yet at " + warehouseFile + ")";
        }
        Properties readOnly = new Properties();
        readOnly.setProperty("duckdb.read_only", "true");
        try (Connection held = DriverManager.getConnection("jdbc:duckdb:" + warehouseFile.toAbsolutePath(), readOnly)) {
            Files.copy(warehouseFile, copy, StandardCopyOption.REPLACE_EXISTING);
            Path wal = Path.of(warehouseFile + ".wal");
            if (Files.isRegularFile(wal)) {
                Files.copy(wal, Path.of(copy + ".wal"), StandardCopyOption.REPLACE_EXISTING);
            }
            // the suppression list's key goes along: the copy drops an erased person's rows as the night would
            Path key = io.salesbi.pipeline.privacy.PrivacyKey.fileOf(warehouseFile);
            if (Files.isRegularFile(key)) {
                Files.copy(
                        key, io.salesbi.pipeline.privacy.PrivacyKey.fileOf(copy), StandardCopyOption.REPLACE_EXISTING);
            }
            return "the warehouse " + warehouseFile;
        } catch (SQLException e) {
            log.warn(
                    "The warehouse {} is in use ({}); the files are checked against each other only",
                    warehouseFile,
                    e.getMessage());
            return "an empty warehouse (" + warehouseFile + " is in use by a running night or server)";
        }
    }

    private static FileVerdict verdict(Connection conn, Loaded l) throws SQLException {
        FileLoadResult r = l.result();
        long current = 0;
        long quarantined = 0;
        long filtered = r.rowsFiltered();
        long superseded = 0;
        try (PreparedStatement ps = conn.prepareStatement("select rows_current, rows_quarantined, rows_filtered,"
                + " rows_superseded from kpi.dq_file_rows where load_id = ?")) {
            ps.setLong(1, r.loadId());
            try (ResultSet rs = ps.executeQuery()) {
                if (rs.next()) {
                    current = rs.getLong(1);
                    quarantined = rs.getLong(2);
                    filtered = rs.getLong(3);
                    superseded = rs.getLong(4);
                }
            }
        }
        Map<String, RuleCount> rules = new LinkedHashMap<>();
        try (PreparedStatement ps = conn.prepareStatement("""
                select rule, count(distinct (sheet, row_number)) over (partition by rule) as rows,
                    sheet, row_number, column_name, raw_value, message,
                    row_number() over (partition by rule order by row_number, column_name) as nth
                from quarantine.rejected_row where load_id = ?
                qualify nth <= ?
                order by rows desc, rule, nth""")) {
            ps.setLong(1, r.loadId());
            ps.setInt(2, EXAMPLES);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    RuleCount rule = rules.get(rs.getString(1));
                    if (rule == null) {
                        rule = new RuleCount(rs.getString(1), rs.getLong(2), new ArrayList<>());
                        rules.put(rule.rule(), rule);
                    }
                    rule.examples()
                            .add(new Example(
                                    rs.getString(3), rs.getLong(4), rs.getString(5), rs.getString(6), rs.getString(7)));
                }
            }
        }
        return new FileVerdict(
                l.file(),
                l.mapping(),
                r.status(),
                r.reasonCode(),
                r.message(),
                r.rowsDelivered(),
                current,
                quarantined,
                filtered,
                superseded,
                List.copyOf(rules.values()));
    }

    private static void deleteQuietly(Path dir) {
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            log.debug("Scratch folder {} not removed: {}", dir, e.getMessage());
        }
    }

    private record Loaded(Path file, SourceMapping mapping, FileLoadResult result) {}

    /** What the dry run checked against, and one verdict per file and mapping. */
    public record Result(String basis, List<FileVerdict> files) {}

    /** A rule that would quarantine rows, how many (distinct rows), and its first examples. */
    public record RuleCount(String rule, long rows, List<Example> examples) {}

    /** One quarantined cell as the steward finds it in the file. */
    public record Example(String sheet, long row, String column, String value, String message) {}

    /**
     * What the night would make of one file with one mapping: rowsDelivered = rowsCurrent + rowsQuarantined +
     * rowsFiltered + rowsSuperseded, where rowsCurrent are the valid rows the KPIs would read.
     */
    public record FileVerdict(
            Path file,
            SourceMapping mapping,
            FileLoadResult.Status status,
            String reasonCode,
            String message,
            long rowsDelivered,
            long rowsCurrent,
            long rowsQuarantined,
            long rowsFiltered,
            long rowsSuperseded,
            List<RuleCount> rules) {

        /** Whether the night would reject the file: it fails as a whole, or quarantines more than its mapping allows. */
        public boolean rejected() {
            long considered = rowsDelivered - rowsFiltered;
            return status == FileLoadResult.Status.FAILED
                    || considered > 0 && (double) rowsQuarantined / considered > mapping.maxRejectRatio();
        }
    }
}
