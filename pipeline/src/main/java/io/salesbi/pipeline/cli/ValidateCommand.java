package io.salesbi.pipeline.cli;

import io.salesbi.connectors.mapping.SourceMapping;
import io.salesbi.connectors.read.FileRejectedException;
import io.salesbi.connectors.read.ReadSummary;
import io.salesbi.connectors.read.RowRejection;
import io.salesbi.connectors.read.RowSink;
import io.salesbi.connectors.read.SourceFileReader;
import io.salesbi.connectors.mapping.MappingLoader;
import io.salesbi.pipeline.config.SalesbiSettings;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;

/** {@code salesbi validate}: a steward's dry run of files against a source mapping, loading nothing. */
@Command(name = "validate", mixinStandardHelpOptions = true,
        description = {"Checks files against a source's mapping without loading them and prints, per file, the rows "
                + "that would load, the rows that would be quarantined by rule with the first examples, and unknown "
                + "or missing columns.", "Exit code 0 if every file would load, 1 otherwise."})
final class ValidateCommand implements Callable<Integer> {

    private static final int EXAMPLES = 3;

    @Mixin
    HomeOptions home;

    @Option(names = "--source", required = true, paramLabel = "NAME", description = "The mapping name, e.g. erp_order_lines.")
    String source;

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "Files to check.")
    List<Path> files;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        SalesbiSettings settings = home.settings();
        List<SourceMapping> mappings = settings.mappings() == null ? MappingLoader.loadBundled()
                : MappingLoader.loadAll(settings.mappings());
        SourceMapping mapping = mappings.stream().filter(m -> m.name().equals(source)).findFirst()
                .orElseThrow(() -> new SalesbiCommand.UsageException("no mapping is named '" + source
                        + "'; known: " + mappings.stream().map(SourceMapping::name).sorted().toList()));
        PrintWriter out = spec.commandLine().getOut();
        boolean allLoad = true;
        for (Path file : files) {
            allLoad &= check(out, file, mapping);
        }
        out.flush();
        return allLoad ? SalesbiCommand.EXIT_OK : SalesbiCommand.EXIT_RUN_FAILED;
    }

    private static boolean check(PrintWriter out, Path file, SourceMapping mapping) {
        out.println(file + "  (mapping " + mapping.name() + " -> " + mapping.target() + ")");
        if (!Files.isRegularFile(file)) {
            out.println("  WOULD NOT LOAD: the file does not exist");
            return false;
        }
        Map<String, List<RowRejection>> byRule = new TreeMap<>();
        RowSink sink = new RowSink() {
            @Override
            public void accept(String sheet, long row, Object[] values) {
            }

            @Override
            public void reject(RowRejection r) {
                byRule.computeIfAbsent(r.rule(), k -> new ArrayList<>()).add(r);
            }
        };
        try {
            ReadSummary s = SourceFileReader.forFile(file, mapping).read(file, mapping, sink);
            out.printf(Locale.ROOT, "  %,d rows delivered: %,d would load, %,d would be quarantined%n",
                    s.rowsDelivered(), s.rowsAccepted(), s.rowsRejected());
            printRejections(out, byRule);
            if (!s.unknownColumns().isEmpty()) {
                out.println("  unknown columns (not in the mapping): " + s.unknownColumns());
            }
            if (!s.missingColumns().isEmpty()) {
                out.println("  optional columns missing: " + s.missingColumns());
            }
            s.warnings().forEach(w -> out.println("  note: " + w));
            out.println("  OK: the file would load");
            return true;
        } catch (FileRejectedException e) {
            printRejections(out, byRule);
            out.println("  WOULD NOT LOAD (" + e.reasonCode() + "): " + e.getMessage());
            return false;
        } catch (RuntimeException e) {
            out.println("  WOULD NOT LOAD: the file could not be read: " + e.getMessage());
            return false;
        }
    }

    private static void printRejections(PrintWriter out, Map<String, List<RowRejection>> byRule) {
        byRule.forEach((rule, list) -> {
            out.printf(Locale.ROOT, "  rule %s: %,d cell(s)%n", rule, list.size());
            list.stream().limit(EXAMPLES).forEach(r -> out.printf(Locale.ROOT, "    %s row %d, column %s, value '%s': %s%n",
                    r.sheet() == null ? "" : "sheet " + r.sheet() + ",", r.row(), r.column(), r.rawValue(), r.message()));
        });
    }
}
