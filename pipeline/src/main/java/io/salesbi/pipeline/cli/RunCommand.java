package io.salesbi.pipeline.cli;

import io.salesbi.pipeline.config.SalesbiSettings;
import io.salesbi.pipeline.run.NightlyRun;
import io.salesbi.pipeline.run.NightlyRun.RunResult;
import io.salesbi.pipeline.warehouse.Warehouse;
import java.time.LocalDate;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code salesbi run}: one night, for external schedulers (cron, systemd timers). */
@Command(
        name = "run",
        mixinStandardHelpOptions = true,
        description = {
            "Runs the nightly job once: ingest the inbox, validate, standardize, match, consolidate, "
                    + "check and publish the KPIs, render the dashboards. A failed night is resumed by the next run.",
            "Exit codes: 0 ok, 1 the run failed, 2 bad usage or configuration, 3 the warehouse is busy, "
                    + "4 completed with warnings (a file was rejected, or nothing delivered reached the KPIs)."
        })
final class RunCommand implements Callable<Integer> {

    @Mixin
    HomeOptions home;

    @Option(
            names = "--as-of",
            paramLabel = "yyyy-MM-dd",
            description = "Date the KPIs are computed for (default: today).")
    LocalDate asOf;

    @Option(names = "--full", description = "Rebuild everything instead of processing only what changed.")
    boolean full;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        SalesbiSettings settings = home.settings();
        try (Warehouse warehouse = Warehouse.open(settings.warehouse())) {
            RunResult result = new NightlyRun(settings, warehouse).execute(asOf != null ? asOf : LocalDate.now(), full);
            RunSummaryPrinter.print(spec.commandLine().getOut(), result);
            return exitCode(result);
        }
    }

    /** 1 for a night that failed, 4 for one that completed with warnings, else 0. */
    static int exitCode(RunResult result) {
        if (!result.ok()) {
            return SalesbiCommand.EXIT_RUN_FAILED;
        }
        return result.warnings() ? SalesbiCommand.EXIT_WARNINGS : SalesbiCommand.EXIT_OK;
    }
}
