package io.salesbi.pipeline.cli;

import io.salesbi.dashboards.DashboardGenerator;
import io.salesbi.dashboards.DashboardSettings;
import io.salesbi.pipeline.config.SalesbiSettings;
import io.salesbi.pipeline.warehouse.Warehouse;
import io.salesbi.sql.RowPolicies;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code salesbi dashboards}: renders the dashboards from the warehouse's published KPI views, and a regional page
 * set under {@code regions/} for each regional manager configured in {@code server.users}.
 */
@Command(
        name = "dashboards",
        mixinStandardHelpOptions = true,
        description = "Renders the self-contained HTML dashboards from the KPI views into a folder.")
final class DashboardsCommand implements Callable<Integer> {

    @Mixin
    HomeOptions home;

    @Option(
            names = "--out",
            paramLabel = "DIR",
            description = "Output folder (default: the configured dashboards folder).")
    Path out;

    @Option(names = "--locale", paramLabel = "de|en", description = "Language and number format (default: de).")
    String locale;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        if (locale != null && !locale.equals("de") && !locale.equals("en")) {
            throw new SalesbiCommand.UsageException("--locale must be de or en, was '" + locale + "'");
        }
        SalesbiSettings settings = home.settings();
        Path dir = out != null ? out : settings.dashboards();
        Locale loc = locale != null ? Locale.forLanguageTag(locale) : settings.locale();
        try (Warehouse warehouse = Warehouse.open(home.existingWarehouse(settings));
                Connection conn = warehouse.connect()) {
            DashboardGenerator generator = new DashboardGenerator(new DashboardSettings(dir, loc, Instant.now()));
            List<Path> pages = new ArrayList<>(generator.generate(conn));
            if (!settings.regionalPageSets().isEmpty()) {
                pages.addAll(generator.generateRegional(conn, settings.regionalPageSets(), RowPolicies.warehouse()));
            }
            pages.forEach(p -> spec.commandLine().getOut().println(p));
        }
        return SalesbiCommand.EXIT_OK;
    }
}
