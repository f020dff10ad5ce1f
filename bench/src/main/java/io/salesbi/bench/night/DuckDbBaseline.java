package io.salesbi.bench.night;

import io.salesbi.connectors.mapping.FieldMapping;
import io.salesbi.connectors.mapping.SourceMapping;
import io.salesbi.pipeline.ingest.FileIngestor;
import io.salesbi.pipeline.warehouse.Warehouse;
import io.salesbi.sql.SqlScripts;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The yardstick for the night: the same files loaded straight into the same typed raw tables with DuckDB's own
 * {@code read_csv}, then the same validate, consolidate and KPI SQL. Matching is not part of the baseline: it copies
 * the night's customer cross-reference. Excel files (DuckDB reads them only with an extension that is not available
 * offline) are loaded by the connectors in both runs.
 */
public final class DuckDbBaseline {

    private final Warehouse warehouse;
    private final List<SourceMapping> mappings;

    public DuckDbBaseline(Warehouse warehouse, List<SourceMapping> mappings) {
        this.warehouse = warehouse;
        this.mappings = mappings;
    }

    /** Stage name to seconds. */
    public Map<String, Double> run(Path inbox, Path nightWarehouseFile) throws Exception {
        Map<String, Double> seconds = new LinkedHashMap<>();
        long t = System.nanoTime();
        try (Connection conn = warehouse.connect();
                Statement st = conn.createStatement()) {
            long loadId = 1_000_000;
            for (SourceMapping m : mappings) {
                for (Path file : filesOf(inbox.resolve(m.inbox()), m)) {
                    if (m.format() == SourceMapping.FileFormat.CSV
                            || file.toString().endsWith(".csv")) {
                        st.execute(insertFromReadCsv(m, file, loadId++));
                    } else {
                        new FileIngestor(warehouse, 0).ingest(file, m);
                    }
                }
            }
        }
        seconds.put("ingest", secondsSince(t));
        t = System.nanoTime();
        try (Connection conn = warehouse.connect()) {
            conn.setAutoCommit(false);
            SqlScripts.runFolder(conn, "validate");
            conn.commit();
        }
        seconds.put("validate", secondsSince(t));
        try (Connection conn = warehouse.connect();
                Statement st = conn.createStatement()) {
            st.execute("attach '" + nightWarehouseFile.toAbsolutePath() + "' as night (read_only)");
            st.execute("insert into core.customer_xref select * from night.core.customer_xref");
            st.execute("insert into core.customer_golden select * from night.core.customer_golden");
            st.execute("insert into staging.customer_record select * from night.staging.customer_record");
            st.execute("detach night");
        }
        t = System.nanoTime();
        try (Connection conn = warehouse.connect()) {
            conn.setAutoCommit(false);
            SqlScripts.runFolder(conn, "consolidate");
            conn.commit();
        }
        seconds.put("consolidate", secondsSince(t));
        t = System.nanoTime();
        try (Connection conn = warehouse.connect();
                Statement st = conn.createStatement()) {
            List<String> views = new ArrayList<>();
            try (var rs = st.executeQuery(
                    "select view_name from duckdb_views() where schema_name = 'kpi' and not internal")) {
                while (rs.next()) {
                    views.add(rs.getString(1));
                }
            }
            for (String v : views) {
                try (var rs = st.executeQuery("select count(*) from kpi." + v)) {
                    rs.next();
                }
            }
        }
        seconds.put("kpi", secondsSince(t));
        return seconds;
    }

    /** The files of {@code dir} that {@code m}'s file pattern takes, sorted. */
    static List<Path> filesOf(Path dir, SourceMapping m) throws Exception {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        PathMatcher matcher = FileSystems.getDefault().getPathMatcher("glob:" + m.filePattern());
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> matcher.matches(p.getFileName())).sorted().toList();
        }
    }

    public static String insertFromReadCsv(SourceMapping m, Path file, long loadId) {
        StringBuilder columns = new StringBuilder();
        StringBuilder select = new StringBuilder();
        String dateFormat = "%Y-%m-%d";
        for (FieldMapping f : m.fields()) {
            String type = switch (f.type()) {
                case INTEGER -> "BIGINT";
                case DECIMAL, PERCENT -> "DECIMAL(18,6)";
                case DATE -> "DATE";
                case TIMESTAMP -> "TIMESTAMP";
                case BOOLEAN -> "BOOLEAN";
                default -> "VARCHAR";
            };
            if (f.type() == io.salesbi.connectors.mapping.FieldType.DATE && f.format() != null) {
                dateFormat = f.format().replace("dd", "%d").replace("MM", "%m").replace("yyyy", "%Y");
            }
            columns.append(columns.isEmpty() ? "" : ", ")
                    .append(quote(f.column()))
                    .append(": '")
                    .append(type)
                    .append('\'');
            select.append(", ")
                    .append('"')
                    .append(f.column().replace("\"", "\"\""))
                    .append('"');
        }
        String fields = String.join(", ", m.fieldNames());
        boolean decimalComma = m.locale() != null && m.locale().getLanguage().equals(Locale.GERMAN.getLanguage());
        String encoding = m.encoding() == null || m.encoding().equals(StandardCharsets.UTF_8) ? "utf-8" : "latin-1";
        String[] target = m.target().split("\\.", 2);
        return "insert into " + target[0] + "." + target[1]
                + " (_load_id, _source_file, _file_hash, _sheet, _row_number, "
                + fields + ") select " + loadId + ", '" + file.getFileName() + "', 'baseline', null, "
                + "row_number() over () + 1" + select + " from read_csv('" + file.toAbsolutePath() + "', header = true"
                + ", delim = '" + (m.delimiter() == null ? "," : m.delimiter()) + "'"
                + ", encoding = '" + encoding + "'"
                + (decimalComma ? ", decimal_separator = ','" : "")
                + ", dateformat = '" + dateFormat + "', ignore_errors = true"
                + ", columns = {" + columns + "})";
    }

    private static String quote(String s) {
        return "'" + s.replace("'", "''") + "'";
    }

    private static double secondsSince(long t) {
        return (System.nanoTime() - t) / 1e9;
    }
}
