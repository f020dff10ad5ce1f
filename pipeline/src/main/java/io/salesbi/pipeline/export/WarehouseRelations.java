package io.salesbi.pipeline.export;

import io.salesbi.pipeline.export.ExportManifest.Column;
import io.salesbi.pipeline.export.ExportManifest.Part;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What the warehouse holds to export: the relations of the exported schemas, their columns and part checksums. */
final class WarehouseRelations {

    /** One table or view of the warehouse. */
    record Relation(String schema, String name, String type, List<Column> columns) {

        String qualified() {
            return schema + "." + name;
        }
    }

    private final Connection conn;

    WarehouseRelations(Connection conn) {
        this.conn = conn;
    }

    /** Every table and view of the given schemas, and the single relations named schema.name, ordered by schema and name. */
    List<Relation> list(List<String> schemas, List<String> singles) throws SQLException {
        List<Relation> relations = new ArrayList<>();
        String in = "'" + String.join("', '", schemas) + "'";
        String named = singles.isEmpty() ? "''" : "'" + String.join("', '", singles) + "'";
        try (Statement st = conn.createStatement();
                ResultSet rs =
                        st.executeQuery("select table_schema, table_name, table_type from information_schema.tables "
                                + "where table_schema in (" + in + ") or table_schema || '.' || table_name in (" + named
                                + ") order by 1, 2")) {
            while (rs.next()) {
                relations.add(new Relation(rs.getString(1), rs.getString(2), rs.getString(3), List.of()));
            }
        }
        List<Relation> withColumns = new ArrayList<>();
        for (Relation r : relations) {
            withColumns.add(new Relation(r.schema(), r.name(), r.type(), columns(r)));
        }
        return withColumns;
    }

    /**
     * Row count and an order-independent checksum (sum of the row hashes) per part: per distinct value of the
     * partition columns, or one part "" for the whole relation.
     */
    Map<String, Part> parts(Relation relation, List<String> partitionBy) throws SQLException {
        String rowHash = "hash(row("
                + String.join(
                        ", ",
                        relation.columns().stream()
                                .map(c -> "t." + quoted(c.name()))
                                .toList()) + "))";
        String key = partitionBy.isEmpty()
                ? "''"
                : String.join(
                        " || '/' || ",
                        partitionBy.stream()
                                .map(c -> "'" + c + "=' || t." + quoted(c))
                                .toList());
        String sql = "select " + key + " as part, count(*), coalesce(sum(" + rowHash + "::hugeint), 0)::varchar from "
                + relation.qualified() + " t" + (partitionBy.isEmpty() ? "" : " group by all order by 1");
        Map<String, Part> parts = new LinkedHashMap<>();
        try (Statement st = conn.createStatement();
                ResultSet rs = st.executeQuery(sql)) {
            while (rs.next()) {
                parts.put(rs.getString(1), new Part(rs.getLong(2), rs.getString(3)));
            }
        }
        return parts;
    }

    private List<Column> columns(Relation r) throws SQLException {
        List<Column> columns = new ArrayList<>();
        try (Statement st = conn.createStatement();
                ResultSet rs = st.executeQuery(
                        "select column_name, data_type from information_schema.columns where table_schema = '"
                                + r.schema() + "' and table_name = '" + r.name() + "' order by ordinal_position")) {
            while (rs.next()) {
                columns.add(new Column(rs.getString(1), rs.getString(2)));
            }
        }
        return columns;
    }

    static String quoted(String identifier) {
        return "\"" + identifier.replace("\"", "\"\"") + "\"";
    }
}
