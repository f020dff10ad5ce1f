package io.salesbi.pipeline.cli;

import io.salesbi.pipeline.config.SalesbiSettings;
import io.salesbi.pipeline.run.NightVerdict;
import io.salesbi.pipeline.run.NightlyRun.StepResult;
import io.salesbi.pipeline.run.StepRunHistory;
import io.salesbi.pipeline.warehouse.Warehouse;
import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.springframework.batch.core.BatchStatus;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code salesbi history [RUN_ID]}: what the nights did, from {@code ops.step_run} and {@code ops.file_load}. */
@Command(
        name = "history",
        mixinStandardHelpOptions = true,
        description = "Lists the nightly runs (start, end, status, files loaded and failed), or shows one run "
                + "step by step with the files it took and the cause of a failure.")
final class HistoryCommand implements Callable<Integer> {

    @Mixin
    HomeOptions home;

    @Parameters(index = "0", arity = "0..1", paramLabel = "RUN_ID", description = "The run to show.")
    Long runId;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        SalesbiSettings settings = home.settings();
        PrintWriter out = spec.commandLine().getOut();
        try (Warehouse warehouse = Warehouse.open(home.existingWarehouse(settings));
                Connection conn = warehouse.connect()) {
            if (runId == null) {
                listRuns(conn, out);
            } else if (!showRun(conn, out, runId)) {
                throw new SalesbiCommand.UsageException("there is no run " + runId + "; 'salesbi history' lists them");
            }
        }
        out.flush();
        return SalesbiCommand.EXIT_OK;
    }

    private static void listRuns(Connection conn, PrintWriter out) throws Exception {
        String sql = """
                with steps as (
                    select run_id, min(started_at) as started_at, max(finished_at) as finished_at,
                           bool_or(status = 'FAILED') as failed, count(*) as steps
                    from ops.step_run group by run_id
                ), files as (
                    select f.run_id, count(*) filter (where f.status = 'LOADED' and not coalesce(o.rejected, false)) as loaded,
                           count(*) filter (where f.status = 'FAILED' or o.rejected) as rejected_files
                    from ops.file_load f left join ops.file_outcome o using (load_id) group by f.run_id
                )
                select s.run_id, s.started_at, s.finished_at,
                       case when s.failed then 'FAILED' when s.steps < 7 then 'INCOMPLETE'
                            else coalesce(n.outcome, 'COMPLETED') end,
                       coalesce(f.loaded, 0), coalesce(f.rejected_files, 0)
                from steps s left join files f using (run_id) left join ops.night_outcome n using (run_id)
                order by s.run_id desc""";
        out.printf(
                Locale.ROOT,
                "%6s  %-19s  %-19s  %-23s  %12s  %14s%n",
                "run",
                "started",
                "finished",
                "status",
                "files loaded",
                "files rejected");
        try (PreparedStatement ps = conn.prepareStatement(sql);
                ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.printf(
                        Locale.ROOT,
                        "%6d  %-19.19s  %-19.19s  %-23s  %12d  %14d%n",
                        rs.getLong(1),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getLong(5),
                        rs.getLong(6));
            }
        }
    }

    private static boolean showRun(Connection conn, PrintWriter out, long runId) throws Exception {
        boolean found = false;
        out.printf(
                Locale.ROOT,
                "Run %d%n  %-26s %-10s %12s %12s %10s %9s%n",
                runId,
                "step",
                "status",
                "read",
                "written",
                "rejected",
                "seconds");
        for (StepResult step : StepRunHistory.steps(conn, runId)) {
            found = true;
            out.printf(
                    Locale.ROOT,
                    "  %-26s %-10s %,12d %,12d %,10d %9.1f%n",
                    step.name(),
                    step.status(),
                    step.read(),
                    step.written(),
                    step.rejected(),
                    step.duration().toMillis() / 1000.0);
            if (step.status() == BatchStatus.FAILED && step.summary() != null) {
                out.println("      cause: " + step.summary());
            }
        }
        NightVerdict verdict = NightVerdict.read(conn, runId);
        if (verdict.warnings()) {
            out.println("  completed with warnings: " + verdict.message());
        }
        // a file judged after validation shows as REJECTED with the rows quarantined in every stage and its top rule
        try (PreparedStatement ps = conn.prepareStatement("""
                select f.source, f.file_name,
                       case when o.rejected and f.status = 'LOADED' then 'REJECTED' else f.status end,
                       f.rows_delivered, coalesce(d.rows_current, 0), coalesce(d.rows_quarantined, 0), f.message,
                       o.rejected, o.rules, coalesce(d.rows_filtered, 0), coalesce(d.rows_superseded, 0),
                       coalesce(d.rows_suppressed, 0)
                from ops.file_load f
                left join ops.file_outcome o using (load_id)
                left join kpi.dq_file_rows d using (load_id)
                where f.run_id = ? order by f.load_id""")) {
            ps.setLong(1, runId);
            try (ResultSet rs = ps.executeQuery()) {
                boolean header = false;
                while (rs.next()) {
                    found = true;
                    if (!header) {
                        // every delivered row is accounted for: delivered = loaded + quarantined + filtered
                        // + superseded (as of now: a later delivery of the same key supersedes a loaded row)
                        // + suppressed (rows of people erased earlier, dropped at loading)
                        out.printf(
                                Locale.ROOT,
                                "%n  %-18s %-40s %-9s %10s %10s %11s %9s %11s %10s%n",
                                "source",
                                "file",
                                "status",
                                "delivered",
                                "loaded",
                                "quarantined",
                                "filtered",
                                "superseded",
                                "suppressed");
                        header = true;
                    }
                    out.printf(
                            Locale.ROOT,
                            "  %-18s %-40s %-9s %,10d %,10d %,11d %,9d %,11d %,10d%n",
                            rs.getString(1),
                            rs.getString(2),
                            rs.getString(3),
                            rs.getLong(4),
                            rs.getLong(5),
                            rs.getLong(6),
                            rs.getLong(10),
                            rs.getLong(11),
                            rs.getLong(12));
                    if ("REJECTED".equals(rs.getString(3))) {
                        out.println("      rejected; rows quarantined by rule: " + rs.getString(9));
                    } else if (!"LOADED".equals(rs.getString(3)) && rs.getString(7) != null) {
                        out.println("      " + rs.getString(7));
                    }
                }
            }
        }
        return found;
    }
}
