package io.salesbi.pipeline.cli;

import io.salesbi.pipeline.config.SalesbiSettings;
import io.salesbi.pipeline.run.NightlyScheduler;
import io.salesbi.pipeline.subscribe.SubscriptionDispatcher;
import io.salesbi.pipeline.warehouse.Warehouse;
import io.salesbi.server.JdbcServer;
import io.salesbi.server.JdbcServerSettings;
import io.salesbi.server.UserAccount;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code salesbi serve}: the long-running owner of the warehouse. Serves the KPI views over JDBC (Calcite over
 * DuckDB, Avatica remote protocol) and the latest dashboards over HTTP under {@code /dashboards/}, both behind the
 * same login, and runs the nightly job on the configured cron schedule.
 */
@Command(
        name = "serve",
        mixinStandardHelpOptions = true,
        description = "Serves the KPI views over JDBC (Avatica) and the latest dashboards at /dashboards/ (same "
                + "accounts), and runs the nightly job on the cron schedule from the configuration. Binds to "
                + "127.0.0.1 unless configured otherwise. Stop with Ctrl-C or SIGTERM.")
final class ServeCommand implements Callable<Integer> {

    @Mixin
    HomeOptions home;

    @Option(
            names = "--port",
            paramLabel = "PORT",
            description = "Port (default: server.port of the configuration, 8765).")
    Integer port;

    @Option(names = "--no-schedule", description = "Serve only; do not run the nightly job on its schedule.")
    boolean noSchedule;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        SalesbiSettings settings = home.settings();
        Path warehouseFile = home.existingWarehouse(settings);
        SalesbiSettings.ServerConfig sc = settings.server();
        Map<String, UserAccount> users = new LinkedHashMap<>();
        sc.users()
                .forEach((name, u) -> users.put(
                        name, new UserAccount(name, u.passwordHash(), Set.copyOf(u.roles()), Set.copyOf(u.regions()))));
        if (users.isEmpty() && !sc.allowAnonymous()) {
            throw new SalesbiCommand.UsageException("no users are configured under server.users and "
                    + "server.allow-anonymous is false, so nobody could log in; add a user "
                    + "(password hash from 'salesbi hash-password') or set allow-anonymous: true for a local trial");
        }
        String keystorePassword = null;
        if (sc.keystore() != null) {
            try {
                keystorePassword = sc.keystorePassword(System::getenv);
            } catch (IllegalStateException e) {
                throw new SalesbiCommand.UsageException(e.getMessage());
            }
        }
        PrintWriter out = spec.commandLine().getOut();
        CountDownLatch stopped = new CountDownLatch(1);
        CountDownLatch closed = new CountDownLatch(1);
        try (Warehouse warehouse = Warehouse.open(warehouseFile);
                JdbcServer server = JdbcServer.start(
                        () -> {
                            try {
                                return warehouse.connect();
                            } catch (java.sql.SQLException e) {
                                throw new IllegalStateException(e);
                            }
                        },
                        new JdbcServerSettings(
                                        sc.host(),
                                        port != null ? port : sc.port(),
                                        users,
                                        sc.allowAnonymous(),
                                        sc.keystore(),
                                        keystorePassword)
                                .withDashboards(settings.dashboards())
                                .withLimits(sc.limits())
                                .withLogins(sc.logins()));
                NightlyScheduler scheduler =
                        noSchedule ? null : NightlyScheduler.start(sc.cron(), settings, warehouse);
                SubscriptionDispatcher subscriptions = settings.subscriptions() == null
                        ? null
                        : new SubscriptionDispatcher(
                                        settings,
                                        warehouse::connect,
                                        scheduler == null ? () -> false : scheduler::isNightRunning,
                                        System::getenv,
                                        java.time.Clock.systemUTC())
                                .start()) {
            out.println("salesbi serves " + settings.warehouse() + " (pid "
                    + ProcessHandle.current().pid() + ")");
            out.println("  JDBC URL: " + server.url());
            out.println("  dashboards: " + server.dashboardsUrl() + " (from " + settings.dashboards() + ")");
            out.println(scheduler == null ? "  nightly job: not scheduled" : "  nightly job: cron '" + sc.cron() + "'");
            out.println(
                    subscriptions == null
                            ? "  subscriptions: none (no 'subscriptions:' block)"
                            : "  subscriptions: mailed through "
                                    + settings.subscriptions().smtpHost() + ":"
                                    + settings.subscriptions().smtpPort() + " after each published night");
            out.flush();
            // SIGTERM / Ctrl-C: let the main thread close server, scheduler and warehouse before the JVM halts
            Runtime.getRuntime()
                    .addShutdownHook(new Thread(
                            () -> {
                                stopped.countDown();
                                try {
                                    closed.await(60, java.util.concurrent.TimeUnit.SECONDS);
                                } catch (InterruptedException e) {
                                    Thread.currentThread().interrupt();
                                }
                            },
                            "salesbi-shutdown"));
            stopped.await();
            out.println("salesbi: stopping; closing the JDBC endpoint and the warehouse");
            out.flush();
        } finally {
            closed.countDown();
        }
        return SalesbiCommand.EXIT_OK;
    }
}
