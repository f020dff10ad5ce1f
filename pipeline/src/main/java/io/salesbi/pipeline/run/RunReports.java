package io.salesbi.pipeline.run;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.salesbi.pipeline.alert.RunReport;
import io.salesbi.pipeline.run.NightVerdict.RejectedFile;
import io.salesbi.pipeline.run.NightlyRun.RunResult;
import io.salesbi.pipeline.run.NightlyRun.StepResult;
import java.util.Locale;

/** A night's outcome as the report the alert channels deliver: subject line, plain text and JSON (by Jackson). */
public final class RunReports {

    private static final ObjectMapper JSON = new ObjectMapper();

    private RunReports() {}

    public static RunReport of(RunResult r) {
        String subject = "salesbi: night " + r.runId() + " "
                + (!r.ok() ? "FAILED" : r.warnings() ? "completed with warnings" : "completed");
        StringBuilder text = new StringBuilder();
        text.append(String.format(
                Locale.ROOT,
                "Night %d ended %s after %d s.%n%n",
                r.runId(),
                r.outcome(),
                r.duration().toSeconds()));
        if (r.warnings()) {
            text.append("Warnings: ").append(r.verdict().message()).append("\n");
            for (RejectedFile f : r.verdict().rejectedFiles()) {
                text.append("Rejected: ").append(f.describe()).append('\n');
            }
            text.append("The rows are in quarantine.rejected_row; 'salesbi history ")
                    .append(r.runId())
                    .append("' lists the files.\n\n");
        }
        if (r.failure() != null) {
            text.append("Cause: ")
                    .append(r.failure())
                    .append("\n\n")
                    .append("Fix the cause and run again: the night resumes at the step that failed.\n\n");
        }
        for (StepResult s : r.steps()) {
            text.append(String.format(
                    Locale.ROOT,
                    "%-26s %-10s read %,d, written %,d, rejected %,d  %s%n",
                    s.name(),
                    s.status(),
                    s.read(),
                    s.written(),
                    s.rejected(),
                    s.summary()));
        }
        ObjectNode json = JSON.createObjectNode()
                .put("run_id", r.runId())
                .put("status", r.outcome())
                .put("job_status", r.status().toString())
                .put("warning", r.warnings() ? r.verdict().message() : null);
        ArrayNode rejected = json.putArray("rejected_files");
        for (RejectedFile f : r.verdict().rejectedFiles()) {
            rejected.addObject()
                    .put("file", f.fileName())
                    .put("source", f.source())
                    .put("rows_delivered", f.rowsDelivered())
                    .put("rows_quarantined", f.rowsQuarantined())
                    .put("rule", f.topRule())
                    .put("rule_rows", f.topRuleRows())
                    .put("text", f.describe());
        }
        json.put("duration_seconds", r.duration().toSeconds()).put("failure", r.failure());
        ArrayNode steps = json.putArray("steps");
        for (StepResult s : r.steps()) {
            steps.addObject()
                    .put("name", s.name())
                    .put("status", s.status().toString())
                    .put("read", s.read())
                    .put("written", s.written())
                    .put("rejected", s.rejected())
                    .put("seconds", s.duration().toMillis() / 1000.0);
        }
        boolean plainSuccess = r.ok() && !r.warnings();
        return new RunReport(r.runId(), plainSuccess, subject, text.toString(), json.toString());
    }
}
