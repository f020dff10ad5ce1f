package io.salesbi.sql;

import java.util.List;

/**
 * What {@link SqlScripts#runFolder} did: one entry per script, in the order they ran.
 *
 * @param folder  the folder under {@code sql/} on the classpath, e.g. {@code validate}
 * @param scripts the scripts with their statement count, rows affected and duration
 */
public record ScriptRunSummary(String folder, List<ScriptResult> scripts) {

    public ScriptRunSummary {
        scripts = List.copyOf(scripts);
    }

    /**
     * One script's run.
     *
     * @param script         resource path, e.g. {@code sql/validate/40_erp_order_line.sql}
     * @param statements     number of statements executed
     * @param rowsAffected   sum of the update counts of its insert, update and delete statements (a
     *                       delete-and-reinsert counts both)
     * @param durationMillis wall time of the script
     * @param skipped        true when it did not run because nothing it names changed since its last run
     *                       ({@link ScriptFingerprint})
     */
    public record ScriptResult(String script, int statements, long rowsAffected, long durationMillis, boolean skipped) {

        public ScriptResult(String script, int statements, long rowsAffected, long durationMillis) {
            this(script, statements, rowsAffected, durationMillis, false);
        }
    }

    /** The scripts skipped because nothing they name changed since their last run. */
    public List<String> skippedScripts() {
        return scripts.stream()
                .filter(ScriptResult::skipped)
                .map(ScriptResult::script)
                .toList();
    }

    public long totalRowsAffected() {
        return scripts.stream().mapToLong(ScriptResult::rowsAffected).sum();
    }
}
