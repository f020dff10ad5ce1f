package io.salesbi.pipeline.cli;

import io.salesbi.generator.GenerationSummary;
import io.salesbi.match.quality.MatchQuality;
import io.salesbi.match.quality.WarehouseMatchQuality;
import io.salesbi.pipeline.config.SalesbiSettings;
import io.salesbi.pipeline.config.SchemaFiles;
import io.salesbi.pipeline.config.SettingsLoader;
import io.salesbi.pipeline.run.NightlyRun;
import io.salesbi.pipeline.run.NightlyRun.RunResult;
import io.salesbi.pipeline.warehouse.Warehouse;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.LocalDate;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.apache.commons.io.file.PathUtils;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code salesbi demo}: the whole night on generated demo data, from scratch, in one command. */
@Command(
        name = "demo",
        mixinStandardHelpOptions = true,
        description =
                "Generates the demo inbox, runs the nightly job on it and leaves the warehouse and the "
                        + "dashboards under DIR (default ./demo). Starts from scratch each time, so two runs give the same KPIs.")
final class DemoCommand implements Callable<Integer> {

    /** The demo's export date: orders run 2023 to 2025, so KPIs are computed as of mid-January 2026. */
    static final LocalDate DEMO_EXPORT_DATE = LocalDate.of(2026, 1, 15);

    private static final String MARKER = ".salesbi-demo";

    @Option(
            names = "--dir",
            defaultValue = "demo",
            paramLabel = "DIR",
            description = "Demo folder (default: ${DEFAULT-VALUE}).")
    Path dir;

    @Option(
            names = "--scale",
            defaultValue = "1",
            paramLabel = "N",
            description = "Size factor (default: ${DEFAULT-VALUE}).")
    double scale;

    @Option(
            names = "--seed",
            defaultValue = "42",
            paramLabel = "S",
            description = "Random seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        Path home = dir.toAbsolutePath().normalize();
        prepare(home);
        PrintWriter out = spec.commandLine().getOut();
        out.println("Generating demo data (scale " + scale + ", seed " + seed + ") into " + home + " ...");
        out.flush();
        GenerationSummary generated = GenerateCommand.generate(scale, seed, home);
        out.printf(
                "  %,d customer records of %,d companies, %,d order lines%n",
                generated.sourceCustomerRecords(), generated.customerEntities(), generated.orderLines());
        out.println("Running the nightly job ...");
        out.flush();
        SalesbiSettings settings = SettingsLoader.load(writeSettings(home), home);
        RunResult result;
        MatchQuality quality = null;
        try (Warehouse warehouse = Warehouse.open(settings.warehouse())) {
            result = new NightlyRun(settings, warehouse).execute(DEMO_EXPORT_DATE, true);
            warehouse.checkpoint();
            if (result.ok()) {
                try (Connection conn = warehouse.connect()) {
                    quality = WarehouseMatchQuality.of(conn, home.resolve("truth/customer_truth.csv"), "entity_id");
                }
            }
        }
        RunSummaryPrinter.print(out, result);
        if (quality != null) {
            out.printf(
                    Locale.ROOT,
                    "%nMatching against the demo's ground truth: precision %.4f, recall %.4f, "
                            + "pairwise F1 %.4f (%,d records)%n",
                    quality.precision(),
                    quality.recall(),
                    quality.f1(),
                    quality.records());
        }
        if (result.ok()) {
            out.println();
            out.println("Where to look:");
            out.println("  dashboards   " + settings.dashboards().resolve("index.html")
                    + "  (open in a browser, works offline)");
            out.println("  warehouse    " + settings.warehouse() + "  (DuckDB; KPI views in schema kpi)");
            out.println("  archive      " + settings.archive() + "  (files loaded),  error: " + settings.error());
            out.println("  ground truth " + home.resolve("truth"));
            out.println("  serve JDBC   ./salesbi serve --home " + dir);
        }
        out.flush();
        return result.ok() ? SalesbiCommand.EXIT_OK : SalesbiCommand.EXIT_RUN_FAILED;
    }

    /**
     * The demo's {@code salesbi.yaml}: the settings it runs with (every other key at its default), naming its JSON
     * Schema, installed in the demo's {@code schema/} folder with the mapping files' one, so that an editor with a
     * YAML language server completes and checks it.
     */
    static Path writeSettings(Path home) throws java.io.IOException {
        Path schema = SchemaFiles.install(home, SchemaFiles.SETTINGS);
        SchemaFiles.install(home, SchemaFiles.MAPPING);
        return Files.writeString(home.resolve("salesbi.yaml"), SchemaFiles.firstLine(home, schema) + "\n" + """
                # Made by 'salesbi demo'. Keys left out have their defaults: schema/salesbi.schema.json lists every key
                # with its default and meaning.
                locale: de
                home-currency: EUR
                file-settle-millis: 1000
                ready-marker: none
                match:
                  match-threshold: 0.9
                  review-threshold: 0.5
                """);
    }

    /** Empties a previous demo folder (only one this command made), so every demo starts from scratch. */
    private static void prepare(Path home) throws java.io.IOException {
        if (Files.exists(home)) {
            if (!Files.exists(home.resolve(MARKER)) && !PathUtils.isEmptyDirectory(home)) {
                throw new SalesbiCommand.UsageException(
                        home + " exists and was not made by 'salesbi demo'; " + "choose another folder with --dir");
            }
            PathUtils.deleteDirectory(home);
        }
        Files.createDirectories(home);
        Files.writeString(home.resolve(MARKER), "made by 'salesbi demo'; deleted and re-made by the next demo\n");
    }
}
