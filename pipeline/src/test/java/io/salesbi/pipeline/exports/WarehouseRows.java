package io.salesbi.pipeline.exports;

import io.salesbi.pipeline.warehouse.Warehouse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/** What a night left in a warehouse, as the tests of own exports compare it: rows of JDBC objects, or one value. */
final class WarehouseRows {

    private WarehouseRows() {}

    /** The rows of {@code sql} on an open warehouse, each a list of its columns' JDBC objects (nulls kept). */
    static List<List<Object>> of(Warehouse warehouse, String sql) throws SQLException {
        try (Connection conn = warehouse.connect();
                Statement st = conn.createStatement();
                ResultSet rs = st.executeQuery(sql)) {
            List<List<Object>> rows = new ArrayList<>();
            int n = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                List<Object> row = new ArrayList<>();
                for (int i = 1; i <= n; i++) {
                    row.add(rs.getObject(i));
                }
                rows.add(row);
            }
            return rows;
        }
    }

    /** The rows of {@code sql} on the warehouse file of an installation whose night has ended. */
    static List<List<Object>> of(Path warehouseFile, String sql) throws SQLException {
        try (Warehouse warehouse = Warehouse.open(warehouseFile)) {
            return of(warehouse, sql);
        }
    }

    /** The first column of the first row as text. */
    static String value(Warehouse warehouse, String sql) throws SQLException {
        Object v = of(warehouse, sql).get(0).get(0);
        return v == null ? null : v.toString();
    }

    /** A test resource of the web-shop fixture folder, {@code exports/shop/}. */
    static Path shopResource(String name) throws Exception {
        return Path.of(WarehouseRows.class.getResource("/exports/shop/" + name).toURI());
    }
}
