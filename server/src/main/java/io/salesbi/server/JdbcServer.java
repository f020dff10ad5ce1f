package io.salesbi.server;

import io.salesbi.sql.PersonalDataCatalogue;
import io.salesbi.sql.RowPolicies;
import io.salesbi.sql.WarehouseDataSource;
import java.sql.Connection;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.apache.calcite.avatica.remote.LocalService;
import org.apache.calcite.avatica.remote.ProtobufMeta;
import org.apache.calcite.avatica.remote.Service.RpcMetadataResponse;
import org.apache.calcite.avatica.server.AvaticaProtobufHandler;
import org.apache.calcite.config.CalciteSystemProperty;
import org.eclipse.jetty.security.ConstraintMapping;
import org.eclipse.jetty.security.ConstraintSecurityHandler;
import org.eclipse.jetty.security.authentication.BasicAuthenticator;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.HandlerList;
import org.eclipse.jetty.util.security.Constraint;
import org.eclipse.jetty.util.ssl.SslContextFactory;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The analysts' read-only JDBC endpoint: Avatica (protobuf over HTTP) in front of Calcite, which reads the DuckDB
 * warehouse through in-process connections of the serving process.
 *
 * <p>Jetty 9.4 is assembled here rather than through Avatica's {@code HttpServer.Builder}: the builder binds all
 * interfaces, its BASIC mode only reads Jetty realm files (plain, MD5 or crypt passwords) and it has no place for a
 * health endpoint. Handlers, in order: {@code GET /health} (no credentials), then BASIC authentication with
 * {@link AccountLoginService}, then {@link AuthenticatedUserHandler}, then {@link StatementControlHandler} for
 * {@code /statement/...} (cancel and query timeout), then (when a dashboards folder is configured)
 * {@link DashboardHandler} for {@code /dashboards/...}, then Avatica's protobuf handler over {@link GuardedMeta} and
 * {@link SessionMeta}.
 *
 * <p>Clients connect with {@link #url()} plus {@code ;authentication=BASIC;avatica_user=...;avatica_password=...}.
 */
public final class JdbcServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(JdbcServer.class);
    private static final int MIN_THREADS = 2;

    private final Server jetty;
    private final SessionMeta meta;
    private final RunningQueries queries;
    private final AuditLog audit;
    private final JdbcServerSettings settings;
    private final int port;
    private volatile boolean closed;

    private JdbcServer(
            Server jetty,
            SessionMeta meta,
            RunningQueries queries,
            AuditLog audit,
            JdbcServerSettings settings,
            int port) {
        this.jetty = jetty;
        this.meta = meta;
        this.queries = queries;
        this.audit = audit;
        this.settings = settings;
        this.port = port;
    }

    /**
     * Starts the endpoint.
     *
     * @param warehouseConnections hands out a new in-process warehouse connection on every call (for example
     *                             {@code () -> ((DuckDBConnection) warehouse).duplicate()}); the server closes each
     *                             connection it gets
     */
    public static JdbcServer start(Supplier<Connection> warehouseConnections, JdbcServerSettings settings)
            throws Exception {
        return start(warehouseConnections, settings, RowPolicies.warehouse());
    }

    /**
     * Starts the endpoint with the row policies of a warehouse that is not migrated from this module's scripts (a
     * test or benchmark warehouse).
     *
     * @throws IllegalStateException when an account has role {@value UserAccount#REGIONAL_MANAGER} and a relation
     *                               it would see has no fitting row policy ({@link RowPolicyCheck})
     */
    public static JdbcServer start(
            Supplier<Connection> warehouseConnections, JdbcServerSettings settings, RowPolicies rowPolicies)
            throws Exception {
        // Fail closed: a test or benchmark warehouse still masks every column the warehouse's catalogue declares.
        return start(warehouseConnections, settings, rowPolicies, PersonalDataCatalogue.warehouse());
    }

    /**
     * Starts the endpoint with the row policies and the catalogue of personal data of a warehouse that is not
     * migrated from this module's scripts; users without the {@value UserAccount#PERSONAL_DATA} right see the
     * catalogue's personal columns masked ({@link PersonalDataMask}).
     */
    public static JdbcServer start(
            Supplier<Connection> warehouseConnections,
            JdbcServerSettings settings,
            RowPolicies rowPolicies,
            PersonalDataCatalogue personalData)
            throws Exception {
        Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(rowPolicies, "rowPolicies");
        Objects.requireNonNull(personalData, "personalData");
        PersonalDataMask.verify(personalData);
        if (settings.allowAnonymous() && !settings.users().isEmpty()) {
            LOG.warn(
                    "JDBC endpoint admits anonymous requests: Avatica JDBC clients will not be challenged for "
                            + "credentials and run as anonymous analysts, so accounts {} only work for clients that send "
                            + "credentials up front",
                    settings.users().keySet());
        }
        RunningQueries queries = new RunningQueries(settings.limits());
        DataSource warehouse = new WarehouseDataSource(() -> queries.track(warehouseConnections.get()));
        RowPolicyCheck.verify(warehouse, rowPolicies, settings.users().values());
        CalciteSessionFactory sessions =
                new CalciteSessionFactory(warehouse, settings.limits(), rowPolicies, personalData);
        SessionMeta meta = new SessionMeta(sessions);
        CalciteWarmUp.run(sessions, meta);
        AuditLog audit = AuditLog.open(warehouseConnections, Clock.systemUTC());
        SessionOwnership ownership = new SessionOwnership();
        ProtobufMeta guarded = GuardedMeta.wrap(meta, new ReadOnlyStatementGuard(), queries, ownership, audit);
        AvaticaProtobufHandler avatica = new AvaticaProtobufHandler(new LocalService(guarded));

        // Every running and queued query holds a Jetty thread; the rest stay free for /health, logins and metadata.
        QueuedThreadPool threads = new QueuedThreadPool(settings.limits().serverThreads(), MIN_THREADS);
        threads.setName("salesbi-jdbc");
        Server jetty = new Server(threads);
        ServerConnector connector = connector(jetty, settings);
        jetty.addConnector(connector);
        AuthenticatedUserHandler users = new AuthenticatedUserHandler(settings.users(), settings.allowAnonymous());
        StatementControlHandler control = new StatementControlHandler(queries, ownership);
        RowStreamHandler rows = new RowStreamHandler(guarded);
        users.setHandler(
                settings.dashboardsDir() == null
                        ? new HandlerList(rows, control, avatica)
                        : new HandlerList(rows, control, new DashboardHandler(settings.dashboardsDir()), avatica));
        jetty.setHandler(
                new HandlerList(new HealthCheckHandler(warehouse), basicAuthentication(settings, users, audit)));
        jetty.setStopTimeout(5_000);
        try {
            jetty.start();
        } catch (Exception e) {
            jetty.stop();
            audit.close();
            queries.close();
            throw e;
        }
        int port = connector.getLocalPort();
        avatica.setServerRpcMetadata(new RpcMetadataResponse(settings.host() + ":" + port));
        JdbcServer server = new JdbcServer(jetty, meta, queries, audit, settings, port);
        LOG.info(
                "JDBC endpoint listening on {} (users {}, anonymous {}, dashboards {}, {}, compiled plans shared up to {})",
                server.url(),
                settings.users().keySet(),
                settings.allowAnonymous(),
                settings.dashboardsDir() == null
                        ? "none"
                        : server.dashboardsUrl() + " from " + settings.dashboardsDir(),
                settings.limits(),
                CalciteSystemProperty.BINDABLE_CACHE_MAX_SIZE.value());
        return server;
    }

    /**
     * How many rows the endpoint has streamed straight from DuckDB's results (queries Calcite runs as one DuckDB
     * query, read by the salesbi driver's stream) since it started: for tests and benchmarks.
     */
    public long rowsStreamedFromDuckDb() {
        return meta.rowsReadDirectly();
    }

    public int port() {
        return port;
    }

    /** The Avatica URL without credentials, e.g. {@code jdbc:avatica:remote:url=http://127.0.0.1:8765;serialization=protobuf}. */
    public String url() {
        String scheme = settings.tls() ? "https" : "http";
        return "jdbc:avatica:remote:url=" + scheme + "://" + settings.host() + ":" + port + ";serialization=protobuf";
    }

    /** Where the dashboards are served, e.g. {@code http://127.0.0.1:8765/dashboards/}; with or without a folder. */
    public String dashboardsUrl() {
        return (settings.tls() ? "https" : "http") + "://" + settings.host() + ":" + port
                + JdbcServerSettings.DASHBOARDS_PATH;
    }

    /** Stops accepting requests, closes every open session and its warehouse connections. Idempotent. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        queries.cancelAll();
        try {
            jetty.stop();
        } catch (Exception e) {
            LOG.warn("JDBC endpoint on port {} did not stop cleanly: {}", port, e.getMessage(), e);
        } finally {
            meta.closeAll();
            audit.close();
            queries.close();
        }
        LOG.info("JDBC endpoint on port {} closed", port);
    }

    private static ServerConnector connector(Server jetty, JdbcServerSettings settings) {
        HttpConfiguration http = new HttpConfiguration();
        http.setSendServerVersion(false);
        http.addCustomizer(new SecurityHeaders(settings.tls()));
        HttpConnectionFactory httpFactory = new HttpConnectionFactory(http);
        ServerConnector connector;
        if (settings.tls()) {
            SslContextFactory.Server tls = new SslContextFactory.Server();
            tls.setKeyStorePath(settings.keystore().toAbsolutePath().toString());
            tls.setKeyStorePassword(settings.keystorePassword());
            connector = new ServerConnector(jetty, tls, httpFactory);
        } else {
            connector = new ServerConnector(jetty, httpFactory);
        }
        connector.setHost(settings.host());
        connector.setPort(settings.port());
        return connector;
    }

    /** Events written to {@code ops.audit} so far (tests). */
    long auditEventsWritten() {
        audit.flush();
        return audit.written();
    }

    private static Handler basicAuthentication(JdbcServerSettings settings, Handler next, AuditLog audit) {
        Constraint constraint = new Constraint(Constraint.__BASIC_AUTH, Constraint.ANY_AUTH);
        constraint.setAuthenticate(!settings.allowAnonymous());
        ConstraintMapping everything = new ConstraintMapping();
        everything.setPathSpec("/*");
        everything.setConstraint(constraint);
        ConstraintSecurityHandler security = new ConstraintSecurityHandler();
        security.setConstraintMappings(List.of(everything));
        security.setAuthenticator(new BasicAuthenticator());
        security.setLoginService(new AccountLoginService(
                settings.users(), new LoginThrottle(settings.logins(), Clock.systemUTC()), audit));
        security.setRealmName(AccountLoginService.REALM);
        security.setHandler(next);
        return security;
    }
}
