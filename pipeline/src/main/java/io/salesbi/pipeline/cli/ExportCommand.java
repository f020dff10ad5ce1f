package io.salesbi.pipeline.cli;

import io.salesbi.pipeline.config.SalesbiSettings;
import io.salesbi.pipeline.export.ParquetExport;
import io.salesbi.pipeline.warehouse.Warehouse;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code salesbi export}: the warehouse's core and KPI layers as Parquet files for a lakehouse. */
@Command(
        name = "export",
        mixinStandardHelpOptions = true,
        description = "Writes the core and kpi layers of the warehouse as Parquet into DIR: order facts partitioned "
                + "by year and month, one file per other table and view, and _manifest.json. Run again into the "
                + "same DIR, it rewrites only the partitions and files whose content changed (docs/export.md). "
                + "With --format iceberg the launcher writes that Parquet export into DIR/_parquet and then Apache "
                + "Iceberg tables into DIR on the Spark runner, again writing only what changed. "
                + "Reads the warehouse read-only; it fails with exit code 3 while a night or server holds it.")
final class ExportCommand implements Callable<Integer> {

    @Mixin
    HomeOptions home;

    @Option(
            names = "--format",
            defaultValue = "parquet",
            paramLabel = "parquet|iceberg",
            description = "Output format (default: ${DEFAULT-VALUE}); iceberg runs through the salesbi launcher.")
    String format;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Export folder.")
    Path out;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        if (!format.equals("parquet")) {
            throw new SalesbiCommand.UsageException(
                    format.equals("iceberg")
                            ? "--format iceberg runs on the Spark runner, which the salesbi launcher starts after the Parquet"
                                    + " export: run './salesbi export --format iceberg --out DIR' (docs/export.md)"
                            : "--format must be parquet or iceberg, was '" + format + "'");
        }
        SalesbiSettings settings = home.settings();
        ParquetExport.Result result;
        try (Connection conn = Warehouse.openReadOnly(home.existingWarehouse(settings))) {
            result = new ParquetExport(conn, out).export();
        }
        PrintWriter o = spec.commandLine().getOut();
        o.printf(
                "Exported %d relations to %s: %d parts written (%,d rows), %d unchanged, %d removed in %,d ms%n",
                result.relations(),
                out.toAbsolutePath(),
                result.partsWritten().size(),
                result.rowsWritten(),
                result.partsUnchanged(),
                result.partsRemoved().size(),
                result.millis());
        o.flush();
        return SalesbiCommand.EXIT_OK;
    }
}
