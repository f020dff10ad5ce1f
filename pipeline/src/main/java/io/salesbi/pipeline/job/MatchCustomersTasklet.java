package io.salesbi.pipeline.job;

import io.salesbi.pipeline.match.CustomerMatcher;
import io.salesbi.pipeline.match.MatchRunSummary;
import io.salesbi.pipeline.match.MatchSettings;
import io.salesbi.pipeline.warehouse.Warehouse;

import java.sql.Connection;

/** matchCustomersStep: customer records into golden customers with stable ids. */
final class MatchCustomersTasklet extends WarehouseTasklet {

    private final MatchSettings settings;

    MatchCustomersTasklet(Warehouse warehouse, MatchSettings settings) {
        super(warehouse);
        this.settings = settings;
    }

    @Override
    StepCounts work(Connection conn, NightContext night) throws Exception {
        MatchRunSummary summary = new CustomerMatcher(settings).run(conn, night.runId());
        long records = SqlFolderTasklet.rowsIn(conn, "staging");
        long customers = count(conn, "select count(*) from core.customer_golden");
        long xref = count(conn, "select count(*) from core.customer_xref");
        return new StepCounts(xref, customers, 0, xref + " records matched into " + customers
                + " golden customers (" + summary + ")");
    }

    private static long count(Connection conn, String sql) throws java.sql.SQLException {
        try (var st = conn.createStatement(); var rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
