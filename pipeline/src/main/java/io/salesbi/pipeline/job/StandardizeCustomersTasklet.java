package io.salesbi.pipeline.job;

import io.salesbi.match.CustomerStandardizer;
import io.salesbi.pipeline.warehouse.Warehouse;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;

/**
 * standardizeCustomersStep: every customer record of every source, standardized for matching. Skipped when no load of
 * a customer source (CRM accounts, ERP debtors, sales reps' lists) arrived since the last run and the standardized
 * records are still those it wrote: raw loads never change, so the result would be the same.
 */
final class StandardizeCustomersTasklet extends WarehouseTasklet {

    private static final String STEP = "standardizeCustomersStep";

    StandardizeCustomersTasklet(Warehouse warehouse) {
        super(warehouse);
    }

    @Override
    StepCounts work(Connection conn, NightContext night) throws Exception {
        String input = inputChecksum(conn);
        if (!night.full() && input.equals(StepInputs.previous(conn, STEP))) {
            return new StepCounts(
                    0,
                    0,
                    0,
                    "no customer source delivered since the last run; "
                            + "standardized customer records kept (run with --full to standardize anyway)");
        }
        long records = CustomerStandardizer.run(conn, night.runId());
        StepInputs.record(conn, STEP, inputChecksum(conn), night.runId());
        return new StepCounts(records, records, 0, records + " customer records standardized");
    }

    /** Rows and latest load of each customer source, the standardized records' count, and this code's version. */
    private static String inputChecksum(Connection conn) throws Exception {
        try (Statement st = conn.createStatement();
                ResultSet rs = st.executeQuery("""
                select concat_ws('/',
                    (select count(*) || ':' || coalesce(max(_load_id), 0) from raw.crm_account),
                    (select count(*) || ':' || coalesce(max(_load_id), 0) from raw.erp_debtor),
                    (select count(*) || ':' || coalesce(max(_load_id), 0) from raw.sales_rep_customer),
                    (select count(*) from staging.customer_record))""")) {
            rs.next();
            String version = CustomerStandardizer.class.getPackage().getImplementationVersion();
            return rs.getString(1) + "/" + (version == null ? "dev" : version);
        }
    }
}
