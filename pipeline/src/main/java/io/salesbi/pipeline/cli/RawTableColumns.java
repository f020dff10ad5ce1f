package io.salesbi.pipeline.cli;

import io.salesbi.connectors.draft.TargetTable;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * The raw tables a mapping can load into and their canonical fields, read from the migrated warehouse's
 * information_schema, so that a drafted mapping knows exactly the columns the schema has today.
 */
final class RawTableColumns {

    private RawTableColumns() {}

    /** The canonical fields of a raw table in table order, without the lineage columns ({@code _load_id}, ...). */
    static List<TargetTable.Column> of(Connection conn, String target) throws SQLException {
        int dot = target.indexOf('.');
        List<TargetTable.Column> columns = new ArrayList<>();
        try (PreparedStatement ps = conn.prepareStatement("""
                select column_name, data_type
                from information_schema.columns
                where table_schema = ? and table_name = ? and column_name not like '\\_%' escape '\\'
                order by ordinal_position""")) {
            ps.setString(1, dot < 0 ? "raw" : target.substring(0, dot));
            ps.setString(2, target.substring(dot + 1));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    columns.add(new TargetTable.Column(rs.getString(1), rs.getString(2)));
                }
            }
        }
        return columns;
    }

    /** The qualified names of the raw tables, for the message when a target is unknown. */
    static List<String> rawTables(Connection conn) throws SQLException {
        List<String> tables = new ArrayList<>();
        try (PreparedStatement ps = conn.prepareStatement("""
                select table_schema || '.' || table_name
                from information_schema.tables
                where table_schema = 'raw' and table_type = 'BASE TABLE'
                order by table_name""");
                ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                tables.add(rs.getString(1));
            }
        }
        return tables;
    }
}
