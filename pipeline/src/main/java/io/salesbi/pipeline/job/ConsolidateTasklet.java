package io.salesbi.pipeline.job;

import io.salesbi.pipeline.warehouse.Warehouse;
import io.salesbi.sql.AssertionFailure;
import io.salesbi.sql.Assertions;
import io.salesbi.sql.KpiSnapshot;
import io.salesbi.sql.ScriptRunSummary;
import io.salesbi.sql.SqlScripts;
import java.sql.Connection;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * consolidateStep: publishes the night's match result, builds the core model (SCD2 dimensions, facts in EUR),
 * evaluates every KPI view once into the night's snapshot ({@link KpiSnapshot}) and, in the same transaction, runs
 * the pre-publish checks (revenue reconciles with the validated order lines, every order line maps to a customer,
 * product and channel, KPI keys are unique). A failed check or a view that cannot be evaluated rolls the whole
 * night's core back: analysts and dashboards keep yesterday's numbers, and the run history says which check failed.
 */
final class ConsolidateTasklet extends WarehouseTasklet {

    private final Map<String, String> parameters;

    ConsolidateTasklet(Warehouse warehouse, Map<String, String> parameters) {
        super(warehouse);
        this.parameters = parameters;
    }

    @Override
    StepCounts work(Connection conn, NightContext night) throws Exception {
        JobParameters.write(conn, parameters, night);
        MatchResultStaging.publish(conn);
        ScriptRunSummary scripts = SqlScripts.runFolder(conn, "consolidate");
        KpiSnapshot.take(conn);
        List<AssertionFailure> failures = Assertions.check(conn);
        if (!failures.isEmpty()) {
            throw new KpiAssertionException("The night's numbers do not add up, so they were not published ("
                    + failures.size() + " check(s) failed): "
                    + failures.stream().map(AssertionFailure::toString).collect(Collectors.joining("; ")));
        }
        long rows = SqlFolderTasklet.rowsIn(conn, "core");
        String orderLines = IncrementalState.describe(conn, night.runId(), "order_line_fact", "order line facts built");
        return new StepCounts(
                rows,
                rows,
                0,
                rows + " rows in core" + (orderLines.isEmpty() ? "" : "; " + orderLines)
                        + SqlFolderTasklet.skipped(scripts) + "; all pre-publish checks passed");
    }

    /** The night's numbers do not add up; the message lists each failed check. */
    static final class KpiAssertionException extends Exception {
        KpiAssertionException(String message) {
            super(message);
        }
    }
}
