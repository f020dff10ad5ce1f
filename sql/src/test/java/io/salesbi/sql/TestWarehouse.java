package io.salesbi.sql;

import io.salesbi.connectors.mapping.MappedRawTable;
import io.salesbi.connectors.mapping.MappingLoader;
import io.salesbi.connectors.mapping.SourceMapping;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
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

/**
 * A DuckDB warehouse file in a test's temp directory, migrated by Flyway as in production. Flyway runs once per
 * test JVM into a template file; every test gets a copy of it, which keeps the suite fast.
 */
final class TestWarehouse {

    private static final String FILE_NAME = "warehouse.duckdb";
    private static Path template;

    private TestWarehouse() {}

    static Connection migrated(Path dir) throws SQLException {
        Path file = dir.resolve(FILE_NAME);
        try {
            Files.copy(template(), file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Properties properties = new Properties();
        properties.setProperty("autoinstall_known_extensions", "false");
        return DriverManager.getConnection("jdbc:duckdb:" + file, properties);
    }

    /** Migrates a fresh warehouse exactly as production does, without the template shortcut. */
    static void migrate(Path file) {
        Flyway.configure()
                .dataSource("jdbc:duckdb:" + file, "", "")
                .locations("classpath:db/migration")
                .load()
                .migrate();
    }

    /**
     * The raw tables the bundled mappings own, which the application's {@code Warehouse.open} makes after Flyway (a
     * new source's validation script reads one): created from the mappings here too, the others left as the
     * migrations made them. Not in {@link #migrate}, which is what Flyway alone makes (the schema catalogue).
     */
    private static void createMappedRawTables(Path file) {
        try (Connection conn = DriverManager.getConnection("jdbc:duckdb:" + file);
                Statement st = conn.createStatement()) {
            for (SourceMapping mapping : MappingLoader.loadBundled()) {
                st.execute(MappedRawTable.of(mapping).createSql());
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create the raw tables of the bundled mappings", e);
        }
    }

    private static synchronized Path template() throws IOException {
        if (template == null) {
            Path dir = Files.createTempDirectory("salesbi-warehouse-template");
            Path file = dir.resolve(FILE_NAME);
            dir.toFile().deleteOnExit(); // registered first, deleted last
            file.toFile().deleteOnExit();
            migrate(file);
            createMappedRawTables(file);
            template = file;
        }
        return template;
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
        try (Statement statement = conn.createStatement();
                ResultSet result = statement.executeQuery(query)) {
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
        try (Statement statement = conn.createStatement();
                ResultSet result = statement.executeQuery(query)) {
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
