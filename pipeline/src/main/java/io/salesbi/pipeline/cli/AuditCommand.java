package io.salesbi.pipeline.cli;

import io.salesbi.pipeline.config.SalesbiSettings;
import io.salesbi.pipeline.warehouse.Warehouse;
import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code salesbi audit}: the JDBC endpoint's audit trail from {@code ops.audit}, newest first: logins (user, address,
 * outcome) and queries (SQL hash, rows, duration, outcome). While {@code salesbi serve} holds the warehouse, stewards
 * read the same table over JDBC as {@code ops.audit}.
 */
@Command(
        name = "audit",
        mixinStandardHelpOptions = true,
        description = "Shows the JDBC endpoint's audit trail (ops.audit), newest first: login attempts with user, "
                + "address and outcome (ok, failed, throttled, locked), and queries with the SHA-256 of their SQL, "
                + "rows, duration and outcome. While 'salesbi serve' runs, stewards read it over JDBC as ops.audit.")
final class AuditCommand implements Callable<Integer> {

    @Mixin
    HomeOptions home;

    @Option(names = "--user", paramLabel = "NAME", description = "Only events of this user name.")
    String user;

    @Option(names = "--event", paramLabel = "KIND", description = "Only 'login' or only 'query' events.")
    String event;

    @Option(names = "--failed", description = "Only what did not succeed (outcome other than ok).")
    boolean failed;

    @Option(
            names = "--limit",
            paramLabel = "N",
            defaultValue = "50",
            description = "At most N events (default: ${DEFAULT-VALUE}).")
    int limit;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        if (event != null && !event.equals("login") && !event.equals("query")) {
            throw new SalesbiCommand.UsageException("--event must be 'login' or 'query', was '" + event + "'");
        }
        if (limit < 1) {
            throw new SalesbiCommand.UsageException("--limit must be at least 1, was " + limit);
        }
        SalesbiSettings settings = home.settings();
        PrintWriter out = spec.commandLine().getOut();
        List<Object> parameters = new ArrayList<>();
        StringBuilder sql = new StringBuilder("select strftime(logged_at, '%Y-%m-%d %H:%M:%S.%g'), event, login, "
                + "client_address, outcome, sql_sha256, rows_returned, duration_ms, detail from ops.audit where true");
        if (user != null) {
            sql.append(" and login = ?");
            parameters.add(user);
        }
        if (event != null) {
            sql.append(" and event = ?");
            parameters.add(event);
        }
        if (failed) {
            sql.append(" and outcome <> 'ok'");
        }
        sql.append(" order by logged_at desc limit ?");
        parameters.add(limit);
        try (Warehouse warehouse = Warehouse.open(settings.warehouse());
                Connection conn = warehouse.connect();
                PreparedStatement ps = conn.prepareStatement(sql.toString())) {
            for (int i = 0; i < parameters.size(); i++) {
                ps.setObject(i + 1, parameters.get(i));
            }
            out.printf(
                    Locale.ROOT,
                    "%-23s  %-5s  %-16s  %-15s  %-9s  %-12s  %9s  %8s  %s%n",
                    "time (UTC)",
                    "event",
                    "user",
                    "address",
                    "outcome",
                    "sql sha256",
                    "rows",
                    "ms",
                    "detail");
            int events = 0;
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    events++;
                    String hash = rs.getString(6);
                    out.printf(
                            Locale.ROOT,
                            "%-23.23s  %-5s  %-16s  %-15s  %-9s  %-12s  %9s  %8s  %s%n",
                            rs.getString(1),
                            rs.getString(2),
                            rs.getString(3),
                            orDash(rs.getString(4)),
                            rs.getString(5),
                            hash == null ? "-" : hash.substring(0, Math.min(12, hash.length())),
                            orDash(rs.getString(7)),
                            orDash(rs.getString(8)),
                            orDash(rs.getString(9)));
                }
            }
            if (events == 0) {
                out.println("no audit events" + (user != null || event != null || failed ? " match" : " yet"));
            }
        }
        out.flush();
        return SalesbiCommand.EXIT_OK;
    }

    private static String orDash(String value) {
        return value == null ? "-" : value;
    }
}
