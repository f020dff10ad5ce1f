package io.salesbi.pipeline.warehouse;

import io.salesbi.sql.WarehouseDataSource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;
import org.duckdb.DuckDBConnection;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The DuckDB warehouse file, owned by this process. DuckDB allows one read-write process per file, so the
 * whole application shares one database instance and hands out {@link #connect() duplicated connections}
 * (each with its own transaction, all with snapshot isolation). Flyway brings the schema up to date on open, then
 * the raw tables the bundled mappings own are created or extended from them ({@link MappedRawTables}).
 */
public final class Warehouse implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(Warehouse.class);

    /**
     * DuckDB's buffer memory. Beyond it DuckDB spills to a temporary folder beside the file instead of growing. With
     * the launcher's 1 GB heap a scale-10 night peaks at about 1.7 GB resident memory (measured: 1,719 MB); with a 1 GB
     * limit a night with few new files took 25 s instead of 15 s at scale 10, re-reading what did not fit. Overridable
     * with the system property {@code salesbi.duckdb.memory_limit} (e.g. {@code -Dsalesbi.duckdb.memory_limit=4GB}).
     */
    public static final String DEFAULT_MEMORY_LIMIT = "1280MB";

    private final Path file;
    private final DuckDBConnection root;

    private Warehouse(Path file, DuckDBConnection root) {
        this.file = file;
        this.root = root;
    }

    /**
     * Opens (creating if needed) the warehouse file, applies pending Flyway migrations and creates or extends the raw
     * tables the bundled mappings own.
     */
    public static Warehouse open(Path file) throws SQLException {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
        } catch (IOException e) {
            throw new SQLException("Cannot create the folder of the warehouse " + file + ": " + e.getMessage(), e);
        }
        Properties props = new Properties();
        // fail at once on a missing extension instead of trying the network
        props.setProperty("autoinstall_known_extensions", "false");
        props.setProperty("autoload_known_extensions", "true");
        props.setProperty("memory_limit", configuredMemoryLimit());
        props.setProperty("temp_directory", file.toAbsolutePath() + ".tmp");
        // Results without an ORDER BY need not come in insertion order: keeping it makes DuckDB hold what it cannot
        // spill, and at scale 100 (50 million order lines) validation's latest-row-per-key over every line ran out
        // of its buffer memory (issue #22). Every query whose order matters says ORDER BY; the KPI snapshot and
        // identical-nights tests check that the night's results do not depend on it.
        props.setProperty("preserve_insertion_order", "false");
        DuckDBConnection root;
        try {
            root = (DuckDBConnection) DriverManager.getConnection("jdbc:duckdb:" + file.toAbsolutePath(), props);
        } catch (SQLException e) {
            throw WarehouseBusyException.wrapIfLocked(file, e);
        }
        Warehouse warehouse = new Warehouse(file, root);
        try {
            warehouse.migrate();
        } catch (SQLException | RuntimeException e) {
            root.close();
            throw e;
        }
        return warehouse;
    }

    /**
     * A read-only connection to an existing warehouse file, for readers outside the night (exports): no migration, no
     * write. Fails with {@link WarehouseBusyException} while a night or server holds the file.
     */
    public static Connection openReadOnly(Path file) throws SQLException {
        if (!Files.isRegularFile(file)) {
            throw new SQLException("There is no warehouse at " + file + " (run a night first)");
        }
        Properties props = new Properties();
        props.setProperty("duckdb.read_only", "true");
        props.setProperty("autoinstall_known_extensions", "false");
        props.setProperty("autoload_known_extensions", "true");
        props.setProperty("memory_limit", configuredMemoryLimit());
        props.setProperty("temp_directory", file.toAbsolutePath() + ".tmp");
        try {
            return DriverManager.getConnection("jdbc:duckdb:" + file.toAbsolutePath(), props);
        } catch (SQLException e) {
            throw WarehouseBusyException.wrapIfLocked(file, e);
        }
    }

    private void migrate() throws SQLException {
        Flyway flyway = Flyway.configure()
                .dataSource(new WarehouseDataSource(() -> {
                    try {
                        return connect();
                    } catch (SQLException e) {
                        throw new IllegalStateException(e);
                    }
                }))
                .locations("classpath:db/migration")
                .baselineVersion("1")
                .baselineDescription("pre-release schema adopted as the baseline")
                .load();
        adoptPreReleaseSchema(flyway);
        MigrateResult result = flyway.migrate();
        if (result.migrationsExecuted > 0) {
            log.info(
                    "Warehouse {}: applied {} migration(s), schema now at version {}",
                    file,
                    result.migrationsExecuted,
                    result.targetSchemaVersion);
        }
        try (Connection conn = connect()) {
            MappedRawTables.bringUpToDateIfChanged(file, conn);
        }
    }

    /**
     * A warehouse of a development build before release 0.1 (Flyway history V1..V50, squashed into the baseline) is
     * refused with what to do, or, with {@code -Dsalesbi.warehouse.adopt-pre-release=true} and a history complete up
     * to V50 (whose schema is the baseline's), baselined at version 1: its history is kept aside and the repeatable
     * migrations and any later versions run as usual.
     */
    private void adoptPreReleaseSchema(Flyway flyway) throws SQLException {
        try (Connection conn = connect()) {
            if (!PreReleaseHistory.present(conn)) {
                return;
            }
            boolean adopt = Boolean.getBoolean(PreReleaseHistory.ADOPT_PROPERTY);
            if (!adopt || !PreReleaseHistory.adoptable(conn)) {
                throw PreReleaseHistory.refusal(file, conn, adopt);
            }
            PreReleaseHistory.keepAside(conn);
        }
        flyway.baseline();
        log.warn(
                "Warehouse {}: pre-release schema (migrations V1 to V50) adopted as the baseline; its history is kept "
                        + "in {}",
                file,
                PreReleaseHistory.KEPT_HISTORY_TABLE);
    }

    /** DuckDB's buffer memory limit as configured for this process (e.g. "1GB"). */
    public static String configuredMemoryLimit() {
        return System.getProperty("salesbi.duckdb.memory_limit", DEFAULT_MEMORY_LIMIT);
    }

    /**
     * Sets DuckDB's buffer memory limit for the whole database (DuckDB evicts cached blocks to get below it), e.g. to
     * leave the memory to Java while a step works mostly in the heap.
     */
    public void limitMemory(String limit) throws SQLException {
        execute("set memory_limit = '" + limit.replace("'", "''") + "'");
    }

    /** A new connection to the shared database; the caller closes it. */
    public Connection connect() throws SQLException {
        return root.duplicate();
    }

    /** Runs one statement on a fresh connection in auto-commit mode. */
    public void execute(String sql) throws SQLException {
        try (Connection conn = connect();
                Statement st = conn.createStatement()) {
            st.execute(sql);
        }
    }

    public Path file() {
        return file;
    }

    /** Writes the write-ahead log into the file so that a copy or another process sees everything. */
    public void checkpoint() throws SQLException {
        execute("checkpoint");
    }

    @Override
    public void close() throws SQLException {
        root.close();
    }
}
