package io.salesbi.pipeline.cli;

import io.salesbi.pipeline.run.NightlyRun.RunResult;
import io.salesbi.pipeline.run.NightlyRun.StepResult;
import java.io.PrintWriter;
import java.util.Locale;

/** Prints how a night went: one line per step, then the outcome. */
final class RunSummaryPrinter {

    private RunSummaryPrinter() {}

    static void print(PrintWriter out, RunResult r) {
        out.printf(
                Locale.ROOT,
                "%nNight %d: %s in %.1f s%n",
                r.runId(),
                r.outcome(),
                r.duration().toMillis() / 1000.0);
        out.printf(
                Locale.ROOT,
                "  %-26s %-10s %12s %12s %10s %9s  %s%n",
                "step",
                "status",
                "read",
                "written",
                "rejected",
                "seconds",
                "");
        for (StepResult s : r.steps()) {
            out.printf(
                    Locale.ROOT,
                    "  %-26s %-10s %,12d %,12d %,10d %9.1f  %s%n",
                    s.name(),
                    s.status(),
                    s.read(),
                    s.written(),
                    s.rejected(),
                    s.duration().toMillis() / 1000.0,
                    s.summary());
        }
        if (r.failure() != null) {
            out.println();
            out.println("  Failed: " + r.failure());
            out.println("  Fix the cause and run again: the night resumes at the step that failed.");
        }
        if (r.warnings()) {
            out.println();
            out.println("  Warnings: " + r.verdict().message());
            r.verdict().rejectedFiles().forEach(f -> out.println("  Rejected: " + f.describe()));
            out.println(
                    "  The rows are in quarantine.rejected_row; 'salesbi history " + r.runId() + "' lists the files.");
        }
        out.flush();
    }
}
