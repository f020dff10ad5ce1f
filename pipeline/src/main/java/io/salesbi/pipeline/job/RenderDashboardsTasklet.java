package io.salesbi.pipeline.job;

import io.salesbi.dashboards.DashboardGenerator;
import io.salesbi.dashboards.DashboardSettings;
import io.salesbi.pipeline.warehouse.Warehouse;
import io.salesbi.sql.RegionScope;
import io.salesbi.sql.RowPolicies;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * renderDashboardsStep: the managers' HTML pages from the published KPI views, and a regional page set for each
 * regional manager's regions (row policies as over JDBC) under {@code regions/}.
 */
final class RenderDashboardsTasklet extends WarehouseTasklet {

    private final Path outDir;
    private final Locale locale;
    private final List<RegionScope> regions;

    RenderDashboardsTasklet(Warehouse warehouse, Path outDir, Locale locale, List<RegionScope> regions) {
        super(warehouse);
        this.outDir = outDir;
        this.locale = locale;
        this.regions = List.copyOf(regions);
    }

    @Override
    boolean transactional() {
        return false;
    }

    @Override
    StepCounts work(Connection conn, NightContext night) throws Exception {
        DashboardGenerator generator = new DashboardGenerator(new DashboardSettings(outDir, locale, Instant.now()));
        List<Path> pages = generator.generate(conn);
        List<Path> regional =
                regions.isEmpty() ? List.of() : generator.generateRegional(conn, regions, RowPolicies.warehouse());
        int written = pages.size() + regional.size();
        String message = pages.size() + " pages written to " + outDir
                + (regions.isEmpty()
                        ? ""
                        : ", " + regional.size() + " in regional page sets for " + regions.size() + " region sets");
        return new StepCounts(written, written, 0, message);
    }
}
