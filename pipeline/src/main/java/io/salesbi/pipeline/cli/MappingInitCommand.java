package io.salesbi.pipeline.cli;

import io.salesbi.connectors.draft.MappingDraft;
import io.salesbi.connectors.draft.MappingDrafter;
import io.salesbi.connectors.draft.TargetTable;
import io.salesbi.connectors.mapping.MappingLoader;
import io.salesbi.connectors.mapping.SourceMapping;
import io.salesbi.connectors.read.FileRejectedException;
import io.salesbi.pipeline.config.SalesbiSettings;
import io.salesbi.pipeline.config.SchemaFiles;
import io.salesbi.pipeline.warehouse.Warehouse;
import io.salesbi.pipeline.warehouse.WarehouseBusyException;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code salesbi mapping init FILE --target TABLE}: drafts a mapping file from a delivered file. The target's fields
 * come from the warehouse schema, which fields are required from the bundled mapping for the same table.
 */
@Command(
        name = "init",
        mixinStandardHelpOptions = true,
        description = {
            "Drafts a mapping from a file: finds the header row below title rows, guesses each column's "
                    + "type, date format and locale, the file's encoding and delimiter, proposes the canonical field by "
                    + "name (German and English) and writes the mapping with TODO comments for required fields it "
                    + "could not place.",
            "Exit code 0 when a draft was written, 2 for a bad file, sheet or target."
        })
final class MappingInitCommand implements Callable<Integer> {

    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_]*");

    @Mixin
    HomeOptions home;

    @Parameters(index = "0", paramLabel = "FILE", description = "A delivered file (CSV, .xlsx or .xls).")
    Path file;

    @Option(
            names = "--target",
            required = true,
            paramLabel = "TABLE",
            description = "The raw table the rows load into, e.g. raw.erp_order_line.")
    String target;

    @Option(names = "--sheet", paramLabel = "SHEET", description = "Spreadsheets: the sheet (default: the first).")
    String sheet;

    @Option(names = "--name", paramLabel = "NAME", description = "The mapping's name (default: from the file name).")
    String name;

    @Option(
            names = "--out",
            paramLabel = "FILE",
            description = "Where to write the mapping (default: standard output).")
    Path out;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        if (!Files.isRegularFile(file)) {
            throw new SalesbiCommand.UsageException("file " + file + " does not exist");
        }
        if (name != null && !NAME.matcher(name).matches()) {
            throw new SalesbiCommand.UsageException("--name '" + name + "' must match " + NAME.pattern());
        }
        if (out != null && Files.exists(out)) {
            throw new SalesbiCommand.UsageException(out + " exists already; choose another --out or delete it");
        }
        String table = target.contains(".") ? target : "raw." + target;
        SalesbiSettings settings = home.settings();
        List<SourceMapping> known = new ArrayList<>(MappingLoader.loadBundled());
        if (settings.mappings() != null && Files.isDirectory(settings.mappings())) {
            known.addAll(0, MappingLoader.loadAll(settings.mappings()));
        }
        TargetTable targetTable = TargetTable.of(table, targetColumns(settings, table), known);
        MappingDraft draft;
        try {
            draft = new MappingDrafter().draft(file, sheet, targetTable, name, known);
        } catch (FileRejectedException e) {
            throw new SalesbiCommand.UsageException(e.getMessage());
        }
        // the draft names its schema, installed beside the configuration, so that an editor completes and checks it
        Path schema = SchemaFiles.install(settings.home(), SchemaFiles.MAPPING);
        write(draft.toYaml(SchemaFiles.reference(
                out == null ? Path.of("") : out.toAbsolutePath().getParent(), schema)));
        PrintWriter err = spec.commandLine().getErr();
        err.println("mapping " + draft.name() + ": " + draft.fields().size() + " column(s) placed, "
                + draft.unplaced().size() + " not placed, " + draft.missing().size() + " required field(s) missing"
                + (out == null ? "" : "; written to " + out));
        err.flush();
        return SalesbiCommand.EXIT_OK;
    }

    /**
     * The target's columns from the installation's warehouse; from a fresh schema in a scratch folder when there is
     * no warehouse yet (drafting creates none) or a running night holds it.
     */
    private List<TargetTable.Column> targetColumns(SalesbiSettings settings, String table)
            throws SQLException, IOException {
        try {
            if (Files.isRegularFile(settings.warehouse())) {
                return targetColumns(settings.warehouse(), table);
            }
        } catch (WarehouseBusyException busy) {
            spec.commandLine()
                    .getErr()
                    .println("note: the warehouse is busy; the target's columns are read from " + "a fresh schema");
        }
        Path scratch = Files.createTempDirectory("salesbi-mapping-init");
        try {
            return targetColumns(scratch.resolve("schema.duckdb"), table);
        } finally {
            deleteTree(scratch);
        }
    }

    private List<TargetTable.Column> targetColumns(Path warehouseFile, String table) throws SQLException {
        try (Warehouse warehouse = Warehouse.open(warehouseFile);
                Connection conn = warehouse.connect()) {
            List<TargetTable.Column> columns = RawTableColumns.of(conn, table);
            if (columns.isEmpty()) {
                throw new SalesbiCommand.UsageException(
                        "--target '" + target + "' is not a raw table; known: " + RawTableColumns.rawTables(conn));
            }
            return columns;
        }
    }

    private void write(String yaml) throws IOException {
        if (out == null) {
            PrintWriter stdout = spec.commandLine().getOut();
            stdout.print(yaml);
            stdout.flush();
        } else {
            Files.writeString(out, yaml, StandardCharsets.UTF_8);
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        try (var paths = Files.walk(dir)) {
            for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
