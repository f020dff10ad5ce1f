package io.salesbi.server;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/**
 * How the analysts' JDBC endpoint listens, who may use it and which dashboards it serves beside it.
 *
 * @param host             interface to bind; {@code null} or blank means {@value #DEFAULT_HOST} (never all interfaces
 *                         by accident)
 * @param port             TCP port, 0 for an ephemeral one
 * @param users            accounts by user name; passwords are {@link PasswordHasher} hashes
 * @param allowAnonymous   whether requests without credentials are served (as {@link UserAccount#anonymous()}, an
 *                         analyst). The Avatica JDBC client sends BASIC credentials only after a challenge, and a
 *                         server that admits anonymous requests never challenges: with this on, JDBC clients are
 *                         always anonymous, whatever user they configure. Meant for a kpi-only demo endpoint.
 * @param keystore         PKCS12/JKS keystore for TLS; {@code null} serves plain HTTP
 * @param keystorePassword password of the keystore (and its key); required when a keystore is set
 * @param queryTimeout     longest a query may run before DuckDB interrupts it, unless its connection asks for another
 *                         timeout ({@link QueryLimits#TIMEOUT_PROPERTY}); {@link #DEFAULT_QUERY_TIMEOUT}
 *                         with the six-argument constructor
 * @param dashboardsDir    folder of the rendered HTML dashboards, served read-only under {@value #DASHBOARDS_PATH}
 *                         behind the same login (see {@link DashboardHandler}); {@code null} serves none
 * @param limits           the longest timeout a connection may ask for and how many queries may run and wait at once;
 *                         {@link QueryLimits#DEFAULT} when {@code null}. Its default timeout is always
 *                         {@code queryTimeout}.
 * @param logins           how failed logins are throttled and locked out; {@link LoginLimits#DEFAULT} when
 *                         {@code null}
 */
public record JdbcServerSettings(
        String host,
        int port,
        Map<String, UserAccount> users,
        boolean allowAnonymous,
        Path keystore,
        String keystorePassword,
        Duration queryTimeout,
        Path dashboardsDir,
        QueryLimits limits,
        LoginLimits logins) {

    public static final String DEFAULT_HOST = "127.0.0.1";
    public static final Duration DEFAULT_QUERY_TIMEOUT = Duration.ofMinutes(5);
    /** Where the dashboards are served: {@code GET /dashboards/} is the overview page. */
    public static final String DASHBOARDS_PATH = "/dashboards/";

    public JdbcServerSettings {
        host = host == null || host.isBlank() ? DEFAULT_HOST : host.strip();
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("JDBC server port must be 0..65535 (0 = ephemeral), was " + port);
        }
        users = users == null ? Map.of() : Map.copyOf(users);
        users.forEach((name, account) -> {
            if (!name.equals(account.name())) {
                throw new IllegalArgumentException(
                        "JDBC user map key '" + name + "' differs from the account's name '" + account.name() + "'");
            }
        });
        if (users.isEmpty() && !allowAnonymous) {
            throw new IllegalArgumentException(
                    "JDBC server has no users and anonymous access is off: nobody could log in");
        }
        if (keystore != null && (keystorePassword == null || keystorePassword.isEmpty())) {
            throw new IllegalArgumentException(
                    "JDBC server keystore " + keystore + " is set but keystorePassword is empty");
        }
        dashboardsDir =
                dashboardsDir == null ? null : dashboardsDir.toAbsolutePath().normalize();
        queryTimeout = queryTimeout == null ? DEFAULT_QUERY_TIMEOUT : queryTimeout;
        if (queryTimeout.toSeconds() < 1) {
            throw new IllegalArgumentException("JDBC query timeout must be at least 1 second, was " + queryTimeout);
        }
        limits = (limits == null ? QueryLimits.DEFAULT : limits).withDefaultTimeout(queryTimeout);
        logins = logins == null ? LoginLimits.DEFAULT : logins;
    }

    /** Settings with the {@link LoginLimits#DEFAULT} login limits. */
    public JdbcServerSettings(
            String host,
            int port,
            Map<String, UserAccount> users,
            boolean allowAnonymous,
            Path keystore,
            String keystorePassword,
            Duration queryTimeout,
            Path dashboardsDir,
            QueryLimits limits) {
        this(host, port, users, allowAnonymous, keystore, keystorePassword, queryTimeout, dashboardsDir, limits, null);
    }

    /** The same settings with other login limits. */
    public JdbcServerSettings withLogins(LoginLimits newLogins) {
        return new JdbcServerSettings(
                host,
                port,
                users,
                allowAnonymous,
                keystore,
                keystorePassword,
                queryTimeout,
                dashboardsDir,
                limits,
                newLogins);
    }

    /** Settings with the {@link QueryLimits#DEFAULT} limits. */
    public JdbcServerSettings(
            String host,
            int port,
            Map<String, UserAccount> users,
            boolean allowAnonymous,
            Path keystore,
            String keystorePassword,
            Duration queryTimeout,
            Path dashboardsDir) {
        this(host, port, users, allowAnonymous, keystore, keystorePassword, queryTimeout, dashboardsDir, null);
    }

    /** The same settings with other query limits; their default timeout becomes the query timeout. */
    public JdbcServerSettings withLimits(QueryLimits newLimits) {
        return new JdbcServerSettings(
                host,
                port,
                users,
                allowAnonymous,
                keystore,
                keystorePassword,
                newLimits.defaultTimeout(),
                dashboardsDir,
                newLimits,
                logins);
    }

    /** Settings without dashboards. */
    public JdbcServerSettings(
            String host,
            int port,
            Map<String, UserAccount> users,
            boolean allowAnonymous,
            Path keystore,
            String keystorePassword,
            Duration queryTimeout) {
        this(host, port, users, allowAnonymous, keystore, keystorePassword, queryTimeout, null);
    }

    /** Settings with the {@link #DEFAULT_QUERY_TIMEOUT} and without dashboards. */
    public JdbcServerSettings(
            String host,
            int port,
            Map<String, UserAccount> users,
            boolean allowAnonymous,
            Path keystore,
            String keystorePassword) {
        this(host, port, users, allowAnonymous, keystore, keystorePassword, DEFAULT_QUERY_TIMEOUT, null);
    }

    /** The same settings, serving the dashboards in {@code folder} ({@code null}: none). */
    public JdbcServerSettings withDashboards(Path folder) {
        return new JdbcServerSettings(
                host, port, users, allowAnonymous, keystore, keystorePassword, queryTimeout, folder, limits, logins);
    }

    /** Plain HTTP on 127.0.0.1 with the given accounts and no anonymous access. */
    public static JdbcServerSettings localhost(int port, Map<String, UserAccount> users) {
        return new JdbcServerSettings(DEFAULT_HOST, port, users, false, null, null, DEFAULT_QUERY_TIMEOUT, null);
    }

    boolean tls() {
        return keystore != null;
    }

    @Override
    public String toString() {
        // Never print the keystore password.
        return "JdbcServerSettings[host=" + host + ", port=" + port + ", users=" + users.keySet()
                + ", allowAnonymous=" + allowAnonymous + ", keystore=" + keystore + ", queryTimeout=" + queryTimeout
                + ", dashboardsDir=" + dashboardsDir + ", limits=" + limits + ", logins=" + logins + "]";
    }
}
