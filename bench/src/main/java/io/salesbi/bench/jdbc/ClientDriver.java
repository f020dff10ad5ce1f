package io.salesbi.bench.jdbc;

import io.salesbi.server.JdbcServer;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.SQLException;
import java.util.Properties;

/**
 * The JDBC driver an analyst connects with: the salesbi driver (module {@code client}, the jar named by the system
 * property {@value #JAR_PROPERTY}, which the launcher sets), loaded in a class loader of its own as in an analyst's
 * tool (its shaded Avatica and logging never meet the server's); Avatica's remote driver when the jar is not there.
 */
record ClientDriver(String name, Driver driver, boolean salesbi) {

    static final String JAR_PROPERTY = "salesbi.client.jar";

    static ClientDriver find() {
        String jar = System.getProperty(JAR_PROPERTY);
        if (jar != null && Files.isRegularFile(Path.of(jar))) {
            try {
                URLClassLoader loader = new URLClassLoader(
                        new URL[] {Path.of(jar).toUri().toURL()}, ClassLoader.getPlatformClassLoader());
                Driver driver = (Driver) Class.forName("io.salesbi.client.SalesbiDriver", true, loader)
                        .getDeclaredConstructor()
                        .newInstance();
                return new ClientDriver("jdbc:salesbi: " + Path.of(jar).getFileName(), driver, true);
            } catch (MalformedURLException | ReflectiveOperationException e) {
                throw new IllegalStateException("cannot load the salesbi JDBC driver from " + jar + ": " + e, e);
            }
        }
        return new ClientDriver(
                "Avatica remote driver (no " + JAR_PROPERTY + ")",
                new org.apache.calcite.avatica.remote.Driver(),
                false);
    }

    Connection connect(JdbcServer server, String user, String password) throws SQLException {
        Properties login = new Properties();
        if (salesbi) {
            login.setProperty("user", user);
            login.setProperty("password", password);
            return driver.connect("jdbc:salesbi:http://127.0.0.1:" + server.port(), login);
        }
        login.setProperty("authentication", "BASIC");
        login.setProperty("avatica_user", user);
        login.setProperty("avatica_password", password);
        return driver.connect(server.url(), login);
    }
}
