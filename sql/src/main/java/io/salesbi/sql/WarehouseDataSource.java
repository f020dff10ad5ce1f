package io.salesbi.sql;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.Objects;
import java.util.function.Supplier;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * A DataSource over the warehouse owned by this process, for libraries that want one (Flyway, Calcite's JDBC adapter):
 * every {@link #getConnection()} asks the owner for a fresh in-process connection (a {@code DuckDBConnection.duplicate()} of the connection that owns the
 * file), which Calcite closes after the query. DuckDB allows one process per file, so the server can never open the
 * file by URL itself.
 */
public final class WarehouseDataSource implements DataSource {

    private final Supplier<Connection> warehouseConnections;

    public WarehouseDataSource(Supplier<Connection> warehouseConnections) {
        this.warehouseConnections = Objects.requireNonNull(warehouseConnections, "warehouseConnections");
    }

    @Override
    public Connection getConnection() throws SQLException {
        try {
            Connection connection = warehouseConnections.get();
            if (connection == null) {
                throw new SQLException("the warehouse connection supplier returned null");
            }
            return connection;
        } catch (RuntimeException e) {
            throw new SQLException("cannot get a warehouse connection: " + e.getMessage(), e);
        }
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        // Warehouse access is in-process; end-user credentials are checked by the HTTP layer, not here.
        return getConnection();
    }

    @Override
    public PrintWriter getLogWriter() {
        return null;
    }

    @Override
    public void setLogWriter(PrintWriter out) {
        // Logging goes through SLF4J.
    }

    @Override
    public void setLoginTimeout(int seconds) {
        // In-process connections do not log in.
    }

    @Override
    public int getLoginTimeout() {
        return 0;
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        throw new SQLFeatureNotSupportedException("WarehouseDataSource logs through SLF4J");
    }

    @Override
    public <T> T unwrap(Class<T> type) throws SQLException {
        if (type.isInstance(this)) {
            return type.cast(this);
        }
        throw new SQLException("WarehouseDataSource is not a " + type.getName());
    }

    @Override
    public boolean isWrapperFor(Class<?> type) {
        return type.isInstance(this);
    }
}
