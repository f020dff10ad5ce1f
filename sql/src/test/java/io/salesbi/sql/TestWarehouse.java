package io.salesbi.sql;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.flywaydb.core.Flyway;

/** A DuckDB warehouse file in a test's temp directory, migrated by Flyway as in production. */
final class TestWarehouse {

    private TestWarehouse() {
    }

    static Connection migrated(Path dir) throws SQLException {
        String url = "jdbc:duckdb:" + dir.resolve("warehouse.duckdb");
        Flyway.configure().dataSource(url, "", "").locations("classpath:db/migration").load().migrate();
        Properties properties = new Properties();
        properties.setProperty("autoinstall_known_extensions", "false");
        return DriverManager.getConnection(url, properties);
    }

    static void execute(Connection conn, String... statements) throws SQLException {
        try (Statement statement = conn.createStatement()) {
            for (String sql : statements) {
                statement.execute(sql);
            }
        }
    }

    /** The rows of a query, each as a list of its values rendered by {@link ResultSet#getString}. */
    static List<List<String>> rows(Connection conn, String query) throws SQLException {
        List<List<String>> rows = new ArrayList<>();
        try (Statement statement = conn.createStatement(); ResultSet result = statement.executeQuery(query)) {
            int columns = result.getMetaData().getColumnCount();
            while (result.next()) {
                List<String> row = new ArrayList<>();
                for (int i = 1; i <= columns; i++) {
                    row.add(result.getString(i));
                }
                rows.add(row);
            }
        }
        return rows;
    }

    static String single(Connection conn, String query) throws SQLException {
        List<List<String>> rows = rows(conn, query);
        if (rows.size() != 1 || rows.get(0).size() != 1) {
            throw new IllegalStateException("expected one value from " + query + " but got " + rows);
        }
        return rows.get(0).get(0);
    }

    static double doubleValue(Connection conn, String query) throws SQLException {
        try (Statement statement = conn.createStatement(); ResultSet result = statement.executeQuery(query)) {
            if (!result.next()) {
                throw new IllegalStateException("no row from " + query);
            }
            double value = result.getDouble(1);
            if (result.wasNull() || result.next()) {
                throw new IllegalStateException("expected one non-null value from " + query);
            }
            return value;
        }
    }
}
