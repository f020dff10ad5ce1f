package io.salesbi.pipeline.alert;

import io.salesbi.pipeline.run.NightVerdict.RejectedFile;
import io.salesbi.pipeline.run.NightlyRun.RunResult;
import io.salesbi.pipeline.run.NightlyRun.StepResult;

import java.util.Locale;

/** A night's outcome as a subject line, a plain-text body and a JSON document. */
record RunReport(String subject, String text, String json) {

    static RunReport of(RunResult r) {
        String subject = "salesbi: night " + r.runId() + " "
                + (!r.ok() ? "FAILED" : r.warnings() ? "completed with warnings" : "completed");
        StringBuilder text = new StringBuilder();
        text.append(String.format(Locale.ROOT, "Night %d ended %s after %d s.%n%n", r.runId(), r.outcome(),
                r.duration().toSeconds()));
        if (r.warnings()) {
            text.append("Warnings: ").append(r.verdict().message()).append("\n");
            for (RejectedFile f : r.verdict().rejectedFiles()) {
                text.append("Rejected: ").append(f.describe()).append('\n');
            }
            text.append("The rows are in quarantine.rejected_row; 'salesbi history ").append(r.runId())
                    .append("' lists the files.\n\n");
        }
        if (r.failure() != null) {
            text.append("Cause: ").append(r.failure()).append("\n\n")
                    .append("Fix the cause and run again: the night resumes at the step that failed.\n\n");
        }
        for (StepResult s : r.steps()) {
            text.append(String.format(Locale.ROOT, "%-26s %-10s read %,d, written %,d, rejected %,d  %s%n",
                    s.name(), s.status(), s.read(), s.written(), s.rejected(), s.summary()));
        }
        StringBuilder json = new StringBuilder();
        json.append("{\"run_id\":").append(r.runId())
                .append(",\"status\":\"").append(r.outcome()).append('"')
                .append(",\"job_status\":\"").append(r.status()).append('"')
                .append(",\"warning\":").append(r.warnings() ? quote(r.verdict().message()) : "null")
                .append(",\"rejected_files\":[");
        for (int i = 0; i < r.verdict().rejectedFiles().size(); i++) {
            RejectedFile f = r.verdict().rejectedFiles().get(i);
            json.append(i > 0 ? "," : "")
                    .append("{\"file\":").append(quote(f.fileName()))
                    .append(",\"source\":").append(quote(f.source()))
                    .append(",\"rows_delivered\":").append(f.rowsDelivered())
                    .append(",\"rows_quarantined\":").append(f.rowsQuarantined())
                    .append(",\"rule\":").append(f.topRule() == null ? "null" : quote(f.topRule()))
                    .append(",\"rule_rows\":").append(f.topRuleRows())
                    .append(",\"text\":").append(quote(f.describe()))
                    .append('}');
        }
        json.append("]")
                .append(",\"duration_seconds\":").append(r.duration().toSeconds())
                .append(",\"failure\":").append(r.failure() == null ? "null" : quote(r.failure()))
                .append(",\"steps\":[");
        for (int i = 0; i < r.steps().size(); i++) {
            StepResult s = r.steps().get(i);
            json.append(i > 0 ? "," : "")
                    .append("{\"name\":").append(quote(s.name()))
                    .append(",\"status\":\"").append(s.status()).append('"')
                    .append(",\"read\":").append(s.read())
                    .append(",\"written\":").append(s.written())
                    .append(",\"rejected\":").append(s.rejected())
                    .append(",\"seconds\":").append(s.duration().toMillis() / 1000.0)
                    .append('}');
        }
        json.append("]}");
        return new RunReport(subject, text.toString(), json.toString());
    }

    private static String quote(String s) {
        StringBuilder b = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\t' -> b.append("\\t");
                default -> {
                    if (c < 0x20) {
                        b.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        return b.append('"').toString();
    }
}
