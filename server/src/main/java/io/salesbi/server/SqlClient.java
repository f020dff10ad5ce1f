package io.salesbi.server;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Properties;
import org.apache.calcite.avatica.remote.Driver;

/**
 * Runs one query against the JDBC endpoint and renders the result as an aligned text table, for
 * {@code ./salesbi sql "select ..."}. Numbers are right-aligned, SQL NULL shows as {@code NULL}, decimals in plain
 * notation, at most {@code maxRows} rows are fetched (the footer says when the result was cut).
 *
 * @param url      the endpoint's {@link JdbcServer#url()}
 * @param user     account name, or {@code null} for an anonymous endpoint
 * @param password the account's password (ignored without a user)
 * @param maxRows  upper bound of rows fetched and printed
 */
public record SqlClient(String url, String user, String password, int maxRows) {

    public SqlClient {
        Objects.requireNonNull(url, "url");
        if (maxRows < 1) {
            throw new IllegalArgumentException("maxRows must be at least 1, was " + maxRows);
        }
    }

    /**
     * The query's result as a text table with a trailing row count line. Every failure is an SQLException: the
     * Avatica client reports HTTP errors such as a refused password (401) as RuntimeExceptions, which are wrapped.
     */
    public String query(String sql) throws SQLException {
        try (Connection connection = new Driver().connect(url, connectionProperties());
                Statement statement = connection.createStatement()) {
            statement.setMaxRows(maxRows + 1);
            try (ResultSet rows = statement.executeQuery(sql)) {
                return render(rows);
            }
        } catch (RuntimeException e) {
            String reason = e.getMessage() != null && e.getMessage().contains("HTTP/401")
                    ? "user " + user + " was refused (wrong user name or password)"
                    : e.getMessage();
            throw new SQLException("query against " + url + " failed: " + reason, e);
        }
    }

    private Properties connectionProperties() {
        Properties properties = new Properties();
        if (user != null) {
            properties.setProperty("authentication", "BASIC");
            properties.setProperty("avatica_user", user);
            properties.setProperty("avatica_password", password == null ? "" : password);
        }
        return properties;
    }

    private String render(ResultSet rows) throws SQLException {
        ResultSetMetaData meta = rows.getMetaData();
        int columns = meta.getColumnCount();
        List<String> header = new ArrayList<>();
        List<Boolean> numeric = new ArrayList<>();
        for (int i = 1; i <= columns; i++) {
            header.add(meta.getColumnLabel(i));
            numeric.add(isNumeric(meta.getColumnType(i)));
        }
        List<List<String>> body = new ArrayList<>();
        boolean cut = false;
        while (rows.next()) {
            if (body.size() == maxRows) {
                cut = true;
                break;
            }
            List<String> row = new ArrayList<>(columns);
            for (int i = 1; i <= columns; i++) {
                row.add(text(rows, i));
            }
            body.add(row);
        }
        String footer = body.size() == 1 ? "(1 row)" : "(" + body.size() + " rows)";
        return TextTable.render(header, numeric, body) + (cut ? "(first " + maxRows + " rows)" : footer) + "\n";
    }

    private static String text(ResultSet rows, int column) throws SQLException {
        Object value = rows.getObject(column);
        if (value == null) {
            return "NULL";
        }
        return value instanceof BigDecimal decimal ? decimal.toPlainString() : rows.getString(column);
    }

    private static boolean isNumeric(int sqlType) {
        return switch (sqlType) {
            case Types.TINYINT,
                    Types.SMALLINT,
                    Types.INTEGER,
                    Types.BIGINT,
                    Types.DECIMAL,
                    Types.NUMERIC,
                    Types.REAL,
                    Types.FLOAT,
                    Types.DOUBLE -> true;
            default -> false;
        };
    }

    @Override
    public String toString() {
        return "SqlClient[url=" + url + ", user=" + user + ", maxRows=" + maxRows + "]";
    }
}
