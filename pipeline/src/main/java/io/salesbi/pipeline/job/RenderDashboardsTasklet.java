package io.salesbi.pipeline.job;

import io.salesbi.dashboards.DashboardGenerator;
import io.salesbi.dashboards.DashboardSettings;
import io.salesbi.pipeline.warehouse.Warehouse;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/** renderDashboardsStep: the managers' HTML pages from the published KPI views. */
final class RenderDashboardsTasklet extends WarehouseTasklet {

    private final Path outDir;
    private final Locale locale;

    RenderDashboardsTasklet(Warehouse warehouse, Path outDir, Locale locale) {
        super(warehouse);
        this.outDir = outDir;
        this.locale = locale;
    }

    @Override
    boolean transactional() {
        return false;
    }

    @Override
    StepCounts work(Connection conn, NightContext night) throws Exception {
        List<Path> pages = new DashboardGenerator(new DashboardSettings(outDir, locale, Instant.now())).generate(conn);
        return new StepCounts(pages.size(), pages.size(), 0, pages.size() + " pages written to " + outDir);
    }
}
