package io.salesbi.pipeline.matching;

import io.salesbi.match.*;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
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

/** A DuckDB warehouse in a temporary folder with the schema migrated by Flyway, for matching tests. */
public final class TestWarehouse {

    private TestWarehouse() {}

    public static Connection create(Path folder) throws SQLException {
        String url = "jdbc:duckdb:" + folder.resolve("warehouse.duckdb");
        Flyway.configure()
                .dataSource(url, "", "")
                .locations("classpath:db/migration")
                .load()
                .migrate();
        Properties properties = new Properties();
        properties.setProperty("autoinstall_known_extensions", "false");
        return DriverManager.getConnection(url, properties);
    }

    /** Runs a script from the test resources; statements end with a semicolon at the end of a line. */
    public static void runScript(Connection conn, String resource) throws SQLException, IOException {
        String script;
        try (InputStream in = TestWarehouse.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IOException("test resource " + resource + " not found");
            }
            script = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        StringBuilder statement = new StringBuilder();
        for (String line : script.split("\n")) {
            if (line.strip().startsWith("--")) {
                continue;
            }
            statement.append(line).append('\n');
            if (line.strip().endsWith(";")) {
                execute(conn, statement.toString());
                statement.setLength(0);
            }
        }
    }

    /**
     * Standardizes the customer records as the night does after validation: the ERP debtors are read from
     * staging.erp_debtor, so the debtor validation runs first.
     */
    public static long standardize(Connection conn, long runId) throws SQLException {
        validateDebtors(conn);
        return CustomerStandardizer.run(conn, runId);
    }

    /** The night's debtor validation (raw.erp_debtor -> staging.erp_debtor). */
    public static void validateDebtors(Connection conn) throws SQLException {
        io.salesbi.sql.SqlScripts.runScript(conn, "sql/validate/20_erp_debtor.sql");
    }

    public static void execute(Connection conn, String sql) throws SQLException {
        try (Statement statement = conn.createStatement()) {
            statement.execute(sql);
        }
    }

    /** All rows of a query, each row's columns joined by '|', in the query's order. */
    public static List<String> rows(Connection conn, String sql) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Statement statement = conn.createStatement();
                ResultSet rs = statement.executeQuery(sql)) {
            int columns = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                StringBuilder row = new StringBuilder();
                for (int c = 1; c <= columns; c++) {
                    if (c > 1) {
                        row.append('|');
                    }
                    row.append(rs.getString(c));
                }
                rows.add(row.toString());
            }
        }
        return rows;
    }
}
