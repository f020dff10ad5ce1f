package io.salesbi.pipeline.cli;

import io.salesbi.connectors.mapping.MappingException;
import io.salesbi.connectors.mapping.MappingLoader.MappingSet;
import io.salesbi.connectors.mapping.SourceMapping;
import io.salesbi.connectors.read.FileRejectedException;
import io.salesbi.connectors.read.RowRejection;
import io.salesbi.connectors.read.RowSink;
import io.salesbi.connectors.read.SourceFileReader;
import io.salesbi.pipeline.config.SalesbiSettings;
import io.salesbi.pipeline.dryrun.DryRun;
import io.salesbi.pipeline.dryrun.DryRun.FileVerdict;
import io.salesbi.pipeline.ingest.FileLoadResult;
import io.salesbi.pipeline.ingest.SourceMappings;
import io.salesbi.pipeline.warehouse.Warehouse;
import java.io.PrintWriter;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code salesbi validate}: a steward's full dry run. The files go through the night's own ingest and validation on
 * a scratch copy of the warehouse, so what it prints is what the night would load, quarantine (by rule, in any
 * stage), filter and supersede.
 */
@Command(
        name = "validate",
        mixinStandardHelpOptions = true,
        description = {
            "A dry run of the night for the files given: the same parsing and validation rules as the "
                    + "night (including the checks against the warehouse, such as unknown debtor, product or channel and "
                    + "missing exchange rate), evaluated against the warehouse plus the other files of the same call, on "
                    + "a scratch copy (nothing is loaded). Prints per file and mapping: rows read, would load, would be "
                    + "quarantined by rule with the first examples, filtered, superseded.",
            "Exit code 0 if every file would load, 1 if a file would be rejected (as a whole, or more of its rows "
                    + "quarantined than its mapping's max-reject-ratio), 2 for a mapping with errors (one line "
                    + "each, file:line)."
        })
final class ValidateCommand implements Callable<Integer> {

    private static final int EXAMPLES = 3;

    @Mixin
    HomeOptions home;

    @Option(
            names = "--source",
            paramLabel = "NAME",
            description = "Check with this mapping only; default: every mapping whose file pattern takes the file.")
    String source;

    @Option(names = "--as-of", paramLabel = "DATE", description = "The night's as-of date (default: today).")
    LocalDate asOf;

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "Files to check.")
    List<Path> files;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        SalesbiSettings settings = home.settings();
        PrintWriter out = spec.commandLine().getOut();
        MappingSet mappings;
        try (Warehouse schema = Warehouse.open(
                        Files.createTempDirectory("salesbi-schema").resolve("schema.duckdb"));
                Connection conn = schema.connect()) {
            mappings = SourceMappings.load(settings, conn);
        }
        if (!mappings.broken().isEmpty()) {
            PrintWriter err = spec.commandLine().getErr();
            for (MappingException broken : mappings.broken()) {
                broken.problems().forEach(err::println);
            }
            err.flush();
            return SalesbiCommand.EXIT_USAGE;
        }
        Map<Path, List<SourceMapping>> plan = new LinkedHashMap<>();
        boolean allLoad = true;
        for (Path file : files) {
            List<SourceMapping> taking = mappingsFor(file, mappings.mappings());
            if (!Files.isRegularFile(file)) {
                out.println(file);
                out.println("  WOULD NOT LOAD: the file does not exist");
                allLoad = false;
            } else if (taking.isEmpty()) {
                out.println(file);
                out.println("  WOULD NOT LOAD: no mapping takes the file name; mappings: "
                        + mappings.mappings().stream()
                                .map(m -> m.name() + " (" + m.inbox() + "/" + m.filePattern() + ")")
                                .sorted()
                                .toList());
                allLoad = false;
            } else {
                plan.put(file, taking);
            }
        }
        if (!plan.isEmpty()) {
            DryRun.Result result = new DryRun(
                            settings.warehouse(),
                            settings.home().resolve("reference"),
                            settings.kpi(),
                            asOf == null ? LocalDate.now() : asOf)
                    .run(plan);
            for (FileVerdict v : result.files()) {
                allLoad &= print(out, v);
            }
            out.println("Checked against " + result.basis() + " and the files of this call.");
        }
        out.flush();
        return allLoad ? SalesbiCommand.EXIT_OK : SalesbiCommand.EXIT_RUN_FAILED;
    }

    private List<SourceMapping> mappingsFor(Path file, List<SourceMapping> all) {
        if (source != null) {
            SourceMapping named = all.stream()
                    .filter(m -> m.name().equals(source))
                    .findFirst()
                    .orElseThrow(() -> new SalesbiCommand.UsageException("no mapping is named '" + source + "'; known: "
                            + all.stream().map(SourceMapping::name).sorted().toList()));
            return List.of(named);
        }
        List<SourceMapping> taking = new ArrayList<>();
        for (SourceMapping m : all) {
            if (FileSystems.getDefault()
                    .getPathMatcher("glob:" + m.filePattern())
                    .matches(file.getFileName())) {
                taking.add(m);
            }
        }
        return taking;
    }

    private static boolean print(PrintWriter out, FileVerdict v) {
        out.println(v.file() + "  (mapping " + v.mapping().name() + " -> "
                + v.mapping().target() + ")");
        if (v.status() == FileLoadResult.Status.FAILED) {
            printReaderRejections(out, v.file(), v.mapping());
            out.println("  WOULD NOT LOAD (" + v.reasonCode() + "): " + v.message());
            return false;
        }
        if (v.status() == FileLoadResult.Status.DUPLICATE) {
            out.println("  ALREADY LOADED: " + v.message());
            return true;
        }
        out.printf(
                Locale.ROOT,
                "  %,d rows delivered: %,d would load, %,d would be quarantined, %,d filtered,"
                        + " %,d superseded by a later row with the same key%n",
                v.rowsDelivered(),
                v.rowsCurrent(),
                v.rowsQuarantined(),
                v.rowsFiltered(),
                v.rowsSuperseded());
        for (DryRun.RuleCount rule : v.rules()) {
            out.printf(Locale.ROOT, "  rule %s: %,d row(s)%n", rule.rule(), rule.rows());
            rule.examples()
                    .forEach(e -> out.printf(
                            Locale.ROOT,
                            "    %srow %d, column %s, value '%s': %s%n",
                            e.sheet() == null ? "" : "sheet " + e.sheet() + ", ",
                            e.row(),
                            columnAsDelivered(v.mapping(), e.column()),
                            e.value(),
                            e.message()));
        }
        if (v.rejected()) {
            long considered = v.rowsDelivered() - v.rowsFiltered();
            out.printf(
                    Locale.ROOT,
                    "  WOULD BE REJECTED: %,d of %,d rows (%.1f %%) quarantined, more than the %.1f %%"
                            + " mapping %s allows%n",
                    v.rowsQuarantined(),
                    considered,
                    100.0 * v.rowsQuarantined() / considered,
                    100 * v.mapping().maxRejectRatio(),
                    v.mapping().name());
            return false;
        }
        out.println("  OK: the file would load; " + v.rowsCurrent() + " rows would reach the warehouse's KPIs");
        return true;
    }

    /**
     * A rejection's column as the steward's file names it: validation rules name the warehouse field
     * ({@code debtor_no}), the file and its mapping a header ({@code Debitor}), so such a column reads
     * {@code Debitor (debtor_no)}. Rejections at reading already name the header; a field the mapping does not read
     * from a column (a constant, a computed field) keeps its name.
     */
    static String columnAsDelivered(SourceMapping mapping, String column) {
        if (column == null) {
            return null;
        }
        return mapping.fields().stream()
                .filter(f -> column.equals(f.field()) && f.readsColumn() && !column.equals(f.column()))
                .findFirst()
                .map(f -> f.column() + " (" + column + ")")
                .orElse(column);
    }

    /** The rows a file that fails as a whole would have quarantined at reading, by rule (they roll back with it). */
    private static void printReaderRejections(PrintWriter out, Path file, SourceMapping mapping) {
        Map<String, List<RowRejection>> byRule = new TreeMap<>();
        try {
            SourceFileReader.forFile(file, mapping).read(file, mapping, new RowSink() {
                @Override
                public void accept(String sheet, long row, Object[] values) {}

                @Override
                public void reject(RowRejection r) {
                    byRule.computeIfAbsent(r.rule(), k -> new ArrayList<>()).add(r);
                }
            });
        } catch (FileRejectedException | RuntimeException e) {
            // the reason is printed from the dry run's own result
        }
        byRule.forEach((rule, list) -> {
            out.printf(Locale.ROOT, "  rule %s: %,d cell(s)%n", rule, list.size());
            list.stream()
                    .limit(EXAMPLES)
                    .forEach(r -> out.printf(
                            Locale.ROOT,
                            "    %srow %d, column %s, value '%s': %s%n",
                            r.sheet() == null ? "" : "sheet " + r.sheet() + ", ",
                            r.row(),
                            r.column(),
                            r.rawValue(),
                            r.message()));
        });
    }
}
