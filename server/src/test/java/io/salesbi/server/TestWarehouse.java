package io.salesbi.server;

import ch.qos.logback.classic.Level;
import io.salesbi.sql.RowPolicies;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.function.Supplier;
import org.duckdb.DuckDBConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** A DuckDB warehouse file built from a test script, owned by the test like the serving process owns the real one. */
final class TestWarehouse implements AutoCloseable {

    private final DuckDBConnection owner;
    private final RowPolicies policies;

    private TestWarehouse(DuckDBConnection owner, RowPolicies policies) {
        this.owner = owner;
        this.policies = policies;
    }

    static TestWarehouse create(Path directory, String scriptResource) throws SQLException, IOException {
        quietLogging();
        Path file = directory.resolve("warehouse.duckdb");
        DuckDBConnection owner = (DuckDBConnection) DriverManager.getConnection("jdbc:duckdb:" + file);
        try (Statement statement = owner.createStatement()) {
            statement.execute("set autoinstall_known_extensions = false");
            for (String sql : script(scriptResource).split(";\\s*\\n")) {
                if (!sql.lines().allMatch(line -> line.isBlank() || line.strip().startsWith("--"))) {
                    statement.execute(sql);
                }
            }
        }
        String policyResource = scriptResource.replaceFirst("\\.sql$", ".policy");
        boolean declared = TestWarehouse.class.getResource(policyResource) != null;
        return new TestWarehouse(
                owner,
                declared
                        ? RowPolicies.parse(policyResource, script(policyResource))
                        : RowPolicies.parse(scriptResource, ""));
    }

    /** The row policies declared beside the script ({@code <script>.policy}); none when there is no such file. */
    RowPolicies policies() {
        return policies;
    }

    /** What the serving process hands to {@link JdbcServer#start}: a fresh duplicate per call. */
    Supplier<Connection> connections() {
        return () -> {
            try {
                return owner.duplicate();
            } catch (SQLException e) {
                throw new IllegalStateException("cannot duplicate the warehouse connection", e);
            }
        };
    }

    DuckDBConnection owner() {
        return owner;
    }

    /** The sql module has no logback-test.xml of its own; DEBUG from Jetty and Calcite would drown the test output. */
    private static void quietLogging() {
        if (LoggerFactory.getLogger(Logger.ROOT_LOGGER_NAME) instanceof ch.qos.logback.classic.Logger root) {
            root.setLevel(Level.INFO);
        }
    }

    private static String script(String resource) throws IOException {
        try (InputStream in = TestWarehouse.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IOException("test resource " + resource + " not found");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Override
    public void close() throws SQLException {
        owner.close();
    }
}
