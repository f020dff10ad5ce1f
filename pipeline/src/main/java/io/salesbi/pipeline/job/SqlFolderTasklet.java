package io.salesbi.pipeline.job;

import io.salesbi.pipeline.warehouse.Warehouse;
import io.salesbi.sql.ScriptRunSummary;
import io.salesbi.sql.SqlScripts;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;

/**
 * A set-based step: runs the SQL scripts of one folder ({@code sql/validate}, {@code sql/consolidate}) in one
 * transaction, after handing the night's parameters to the SQL layer through {@code ops.parameter}.
 */
final class SqlFolderTasklet extends WarehouseTasklet {

    private final String folder;
    private final String targetSchema;
    private final Map<String, String> parameters;
    private final java.nio.file.Path referenceFolder;

    SqlFolderTasklet(Warehouse warehouse, String folder, String targetSchema, Map<String, String> parameters) {
        this(warehouse, folder, targetSchema, parameters, null);
    }

    /** @param referenceFolder the installation's reference vocabularies, loaded before the scripts; null for none */
    SqlFolderTasklet(
            Warehouse warehouse,
            String folder,
            String targetSchema,
            Map<String, String> parameters,
            java.nio.file.Path referenceFolder) {
        super(warehouse);
        this.folder = folder;
        this.targetSchema = targetSchema;
        this.parameters = parameters;
        this.referenceFolder = referenceFolder;
    }

    @Override
    StepCounts work(Connection conn, NightContext night) throws SQLException {
        JobParameters.write(conn, parameters, night);
        if (referenceFolder != null) {
            ReferenceVocabularies.load(conn, referenceFolder);
        }
        long rejectedBefore = quarantined(conn, folder);
        ScriptRunSummary scripts = SqlScripts.runFolder(conn, folder);
        long rejected = quarantined(conn, folder) - rejectedBefore;
        long rows = rowsIn(conn, targetSchema);
        String orderLines =
                IncrementalState.describe(conn, night.runId(), "order_line_validation", "order lines validated");
        return new StepCounts(
                rows,
                rows,
                Math.max(0, rejected),
                rows + " rows in " + targetSchema + (orderLines.isEmpty() ? "" : "; " + orderLines) + skipped(scripts));
    }

    /** The summary's note on scripts skipped because nothing they read changed, or nothing. */
    static String skipped(ScriptRunSummary scripts) {
        int skipped = scripts.skippedScripts().size();
        return skipped == 0
                ? ""
                : "; " + skipped + " of " + scripts.scripts().size()
                        + " scripts skipped, their tables unchanged since their last run";
    }

    /** Exact rows in all tables of {@code schema}, as this transaction sees them. */
    static long rowsIn(Connection conn, String schema) throws SQLException {
        StringBuilder union = new StringBuilder();
        try (PreparedStatement ps =
                conn.prepareStatement("select table_name from duckdb_tables() where schema_name = ? order by 1")) {
            ps.setString(1, schema);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    union.append(union.isEmpty() ? "" : " union all ")
                            .append("select count(*) as n from ")
                            .append(schema)
                            .append(".\"")
                            .append(rs.getString(1))
                            .append('"');
                }
            }
        }
        if (union.isEmpty()) {
            return 0;
        }
        try (PreparedStatement ps = conn.prepareStatement("select coalesce(sum(n), 0)::bigint from (" + union + ")");
                ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static long quarantined(Connection conn, String stage) throws SQLException {
        try (PreparedStatement ps =
                conn.prepareStatement("select count(*) from quarantine.rejected_row where stage = ?")) {
            ps.setString(1, stage);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }
}
