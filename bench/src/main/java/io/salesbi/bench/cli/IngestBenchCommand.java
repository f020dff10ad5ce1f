package io.salesbi.bench.cli;

import io.salesbi.bench.night.IngestBreakdown;
import io.salesbi.connectors.mapping.MappingLoader;
import io.salesbi.pipeline.cli.SalesbiCommand;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code salesbi bench ingest --inbox DIR}: the parts of the night's ingest that DuckDB's read_csv does not do, timed
 * alone on the largest CSV file of an inbox (for instance a bench's {@code baseline-inbox}), without a night.
 */
@Command(
        name = "ingest",
        mixinStandardHelpOptions = true,
        description = "Times, on the largest CSV file of an inbox (one folder per bundled mapping), the sha-256"
                + " fingerprint, the Java reader alone and DuckDB's read_csv into the same raw table: what the"
                + " night's ingest does beyond the baseline.")
final class IngestBenchCommand implements Callable<Integer> {

    @Option(
            names = "--inbox",
            required = true,
            paramLabel = "DIR",
            description = "An inbox, e.g. target/bench/baseline-inbox.")
    Path inbox;

    @Option(
            names = "--scratch",
            defaultValue = "target/bench-ingest",
            paramLabel = "DIR",
            description = "Where the scratch warehouse goes (default: ${DEFAULT-VALUE}).")
    Path scratch;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        if (!Files.isDirectory(inbox)) {
            spec.commandLine().getErr().println("salesbi bench ingest: no inbox folder " + inbox.toAbsolutePath());
            return SalesbiCommand.EXIT_USAGE;
        }
        IngestBreakdown.Result r = IngestBreakdown.largest(inbox, MappingLoader.loadBundled(), scratch);
        out.printf(
                Locale.ROOT,
                "%s: %,d MB, %,d rows; sha-256 %.1f s, Java reader %.1f s, DuckDB read_csv %.1f s%n",
                r.file(),
                r.bytes() / 1024 / 1024,
                r.rows(),
                r.sha256(),
                r.javaRead(),
                r.readCsv());
        return SalesbiCommand.EXIT_OK;
    }
}
