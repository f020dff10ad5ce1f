package io.salesbi.client;

import java.sql.Connection;
import java.sql.Driver;
import java.sql.DriverManager;
import java.sql.DriverPropertyInfo;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.Properties;
import java.util.logging.Logger;

/**
 * The salesbi JDBC driver: Avatica's remote driver (protobuf over HTTP) with what Avatica's protocol lacks for the
 * analysts' endpoint.
 *
 * <p>URL: {@code jdbc:salesbi:http://HOST:PORT} (or {@code https://...}), optionally followed by Avatica's own
 * {@code ;key=value} settings ({@code truststore}, {@code truststore_password}, ...); the Avatica form
 * {@code jdbc:salesbi:url=http://HOST:PORT;...} is accepted too. Protobuf serialization and BASIC authentication
 * are the defaults. The login is taken from JDBC's usual {@code user} and {@code password} properties (what BI
 * tools fill in) or from Avatica's {@code avatica_user} and {@code avatica_password}.
 *
 * <p>Compared with {@code jdbc:avatica:remote:}, connections of this driver
 * <ul>
 *   <li>stop a running query in DuckDB on {@code Statement.cancel()} (from any thread), and send
 *       {@code Statement.setQueryTimeout} to the server, which interrupts the query when it runs longer (capped at
 *       the server's maximum; 0 or none: the server's default). A timeout is reported as
 *       {@link java.sql.SQLTimeoutException} "query timeout after N s (...)". Both go to the server's
 *       {@code /statement/} endpoint beside Avatica's, with the connection's login ({@link StatementControl}).</li>
 *   <li>answer {@code ResultSet.getObject(column, type)} for {@code LocalDate}, {@code LocalTime},
 *       {@code LocalDateTime}, {@code OffsetDateTime}, {@code Instant} and the usual JDBC types, which Avatica's
 *       result sets refuse ({@link TypedResultSet}).</li>
 *   <li>read the rows of a result after its first frame as one stream ({@link RowStream}) instead of one Avatica
 *       fetch round trip per frame in protobuf: a full extract costs about what DuckDB needs to produce it, not 4-8
 *       times that ({@code row_stream=false} in the URL turns this off).</li>
 * </ul>
 * Everything else is Avatica's: {@code unwrap} reaches the Avatica objects.
 */
public final class SalesbiDriver implements Driver {

    public static final String PREFIX = "jdbc:salesbi:";

    static {
        try {
            DriverManager.registerDriver(new SalesbiDriver());
        } catch (SQLException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private final org.apache.calcite.avatica.remote.Driver avatica = new org.apache.calcite.avatica.remote.Driver();

    @Override
    public Connection connect(String url, Properties info) throws SQLException {
        if (!acceptsURL(url)) {
            return null;
        }
        ClientUrl client = ClientUrl.parse(url, info == null ? new Properties() : info);
        StatementControl control = new StatementControl(client);
        org.apache.calcite.avatica.remote.Driver driver = client.streamRows() ? new StreamingDriver(control) : avatica;
        Connection connection = driver.connect(client.avaticaUrl(), client.avaticaProperties());
        if (connection == null) {
            throw new SQLException("the Avatica driver did not accept " + client.avaticaUrl(), "08001");
        }
        return Wrappers.connection(connection, control);
    }

    @Override
    public boolean acceptsURL(String url) {
        return url != null && url.startsWith(PREFIX);
    }

    @Override
    public DriverPropertyInfo[] getPropertyInfo(String url, Properties info) throws SQLException {
        DriverPropertyInfo user = new DriverPropertyInfo("user", info == null ? null : info.getProperty("user"));
        user.description = "login name on the salesbi endpoint";
        DriverPropertyInfo password =
                new DriverPropertyInfo("password", info == null ? null : info.getProperty("password"));
        password.description = "password of the login";
        return new DriverPropertyInfo[] {user, password};
    }

    @Override
    public int getMajorVersion() {
        return 0;
    }

    @Override
    public int getMinorVersion() {
        return 1;
    }

    @Override
    public boolean jdbcCompliant() {
        return false;
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        throw new SQLFeatureNotSupportedException("the salesbi driver logs through slf4j, not java.util.logging");
    }
}
