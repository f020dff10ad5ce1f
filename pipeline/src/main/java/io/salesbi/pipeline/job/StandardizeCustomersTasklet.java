package io.salesbi.pipeline.job;

import io.salesbi.pipeline.match.CustomerStandardizer;
import io.salesbi.pipeline.warehouse.Warehouse;

import java.sql.Connection;

/** standardizeCustomersStep: every customer record of every source, standardized for matching. */
final class StandardizeCustomersTasklet extends WarehouseTasklet {

    StandardizeCustomersTasklet(Warehouse warehouse) {
        super(warehouse);
    }

    @Override
    StepCounts work(Connection conn, NightContext night) throws Exception {
        long records = CustomerStandardizer.run(conn, night.runId());
        return new StepCounts(records, records, 0, records + " customer records standardized");
    }
}
