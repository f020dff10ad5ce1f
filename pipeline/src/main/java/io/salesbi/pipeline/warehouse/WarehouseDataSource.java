package io.salesbi.pipeline.warehouse;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.logging.Logger;
import javax.sql.DataSource;

/** A {@link DataSource} over the shared warehouse, for libraries that want one (Flyway, Spring JDBC). */
public final class WarehouseDataSource implements DataSource {

    private final Warehouse warehouse;

    public WarehouseDataSource(Warehouse warehouse) {
        this.warehouse = warehouse;
    }

    @Override
    public Connection getConnection() throws SQLException {
        return warehouse.connect();
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        return warehouse.connect();
    }

    @Override
    public PrintWriter getLogWriter() {
        return null;
    }

    @Override
    public void setLogWriter(PrintWriter out) {
    }

    @Override
    public void setLoginTimeout(int seconds) {
    }

    @Override
    public int getLoginTimeout() {
        return 0;
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        throw new SQLFeatureNotSupportedException();
    }

    @Override
    public <T> T unwrap(Class<T> iface) throws SQLException {
        throw new SQLException("not a wrapper");
    }

    @Override
    public boolean isWrapperFor(Class<?> iface) {
        return false;
    }
}
