package io.salesbi.pipeline.job;

import io.salesbi.pipeline.warehouse.Warehouse;
import io.salesbi.sql.AssertionFailure;
import io.salesbi.sql.Assertions;

import java.sql.Connection;
import java.util.List;
import java.util.stream.Collectors;

/**
 * publishKpisStep: checks the night's numbers before managers see them (revenue reconciles, every order line maps
 * to a customer, product and channel). A failing check fails the night and rolls back, so yesterday's KPIs stay.
 */
final class PublishKpisTasklet extends WarehouseTasklet {

    PublishKpisTasklet(Warehouse warehouse) {
        super(warehouse);
    }

    @Override
    StepCounts work(Connection conn, NightContext night) throws Exception {
        List<AssertionFailure> failures = Assertions.check(conn);
        if (!failures.isEmpty()) {
            throw new KpiAssertionException("The night's KPIs were not published, "
                    + failures.size() + " check(s) failed:\n  "
                    + failures.stream().map(Object::toString).collect(Collectors.joining("\n  ")));
        }
        long views = 0;
        try (var st = conn.createStatement();
             var rs = st.executeQuery("select count(*) from duckdb_views() where schema_name = 'kpi'")) {
            rs.next();
            views = rs.getLong(1);
        }
        return new StepCounts(views, views, 0, "all checks passed; " + views + " KPI views published");
    }

    /** The night's numbers do not add up; the message lists each failed check. */
    static final class KpiAssertionException extends Exception {
        KpiAssertionException(String message) {
            super(message);
        }
    }
}
