package io.salesbi.pipeline.ingest;

import io.salesbi.connectors.mapping.MappingLoader;
import io.salesbi.connectors.mapping.MappingLoader.MappingSet;
import io.salesbi.connectors.mapping.TargetSchema;
import io.salesbi.pipeline.config.SalesbiSettings;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The installation's source mappings, checked against the warehouse's raw tables: the bundled ones, or every file
 * of the configured mapping folder that is valid, with the problems of the others (a broken mapping takes only its
 * own source out of the night).
 */
public final class SourceMappings {

    private SourceMappings() {}

    public static MappingSet load(SalesbiSettings settings, Connection conn) throws SQLException {
        if (settings.mappings() == null) {
            return new MappingSet(MappingLoader.loadBundled(), List.of());
        }
        return MappingLoader.loadEach(settings.mappings(), schemaOf(conn));
    }

    /** The raw tables and their canonical fields (lineage columns, which start with '_', left out). */
    public static TargetSchema schemaOf(Connection conn) throws SQLException {
        Map<String, List<String>> columns = new LinkedHashMap<>();
        try (Statement st = conn.createStatement();
                ResultSet rs = st.executeQuery("select table_schema || '.' || table_name, column_name"
                        + " from information_schema.columns where table_schema = 'raw' and column_name not like '\\_%'"
                        + " escape '\\' order by table_name, ordinal_position")) {
            while (rs.next()) {
                columns.computeIfAbsent(rs.getString(1), t -> new ArrayList<>()).add(rs.getString(2));
            }
        }
        return new TargetSchema(columns);
    }
}
