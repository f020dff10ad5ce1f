package io.salesbi.server;

import java.io.IOException;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.calcite.avatica.remote.LocalService;
import org.apache.calcite.avatica.remote.ProtobufTranslation;
import org.apache.calcite.avatica.remote.ProtobufTranslationImpl;
import org.apache.calcite.avatica.remote.Service;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a few queries through the endpoint's own request path (protobuf requests, {@link SessionMeta}, Calcite,
 * DuckDB, protobuf responses; only Jetty left out) before the endpoint takes requests, so the analyst's first query
 * does not pay for loading and compiling Calcite's parser, planner rules and code generator and Avatica's frame
 * conversion (seconds on a cold JVM). The queries have the shapes KPI queries have (aggregate, sort, limit, a join
 * and a union planned) and read the first kpi relation. A failure only costs the warm-up, never the start.
 */
final class CalciteWarmUp {

    private static final Logger LOG = LoggerFactory.getLogger(CalciteWarmUp.class);
    private static final int FIRST_FRAME_ROWS = 100;

    private CalciteWarmUp() {}

    static void run(CalciteSessionFactory sessions, SessionMeta meta) {
        long started = System.nanoTime();
        List<String> queries;
        String relation;
        try (Connection conn = sessions.open(UserAccount.anonymous())) {
            DatabaseMetaData catalog = conn.getMetaData();
            relation = firstRelation(catalog);
            if (relation == null) {
                return;
            }
            queries = queries(relation, columns(catalog, relation));
        } catch (SQLException | RuntimeException e) {
            LOG.warn("Calcite warm-up skipped: {}", e.getMessage());
            return;
        }
        CurrentUser.set(UserAccount.anonymous());
        try {
            runThroughAvatica(meta, queries);
            LOG.info("Calcite warmed up on {} in {} ms", relation, (System.nanoTime() - started) / 1_000_000);
        } catch (IOException | RuntimeException e) {
            LOG.warn("Calcite warm-up skipped: {}", e.getMessage());
        } finally {
            CurrentUser.clear();
        }
    }

    /** Every request and response goes through protobuf as it would over HTTP. */
    private static void runThroughAvatica(SessionMeta meta, List<String> queries) throws IOException {
        Service service = new LocalService(meta);
        Protobuf protobuf = new Protobuf(new ProtobufTranslationImpl());
        String connectionId = "warm-up-" + UUID.randomUUID();
        protobuf.back(service.apply(protobuf.sent(new Service.OpenConnectionRequest(connectionId, Map.of()))));
        try {
            for (String sql : queries) {
                Service.CreateStatementResponse statement =
                        protobuf.back(service.apply(protobuf.sent(new Service.CreateStatementRequest(connectionId))));
                Service.ExecuteResponse result =
                        protobuf.back(service.apply(protobuf.sent(new Service.PrepareAndExecuteRequest(
                                connectionId, statement.statementId, sql, -1, FIRST_FRAME_ROWS))));
                if (!result.results.isEmpty()
                        && result.results.get(0).firstFrame != null
                        && !result.results.get(0).firstFrame.done) {
                    protobuf.back(service.apply(protobuf.sent(new Service.FetchRequest(
                            connectionId, statement.statementId, FIRST_FRAME_ROWS, SessionMeta.MIN_FRAME_ROWS))));
                }
                protobuf.back(service.apply(
                        protobuf.sent(new Service.CloseStatementRequest(connectionId, statement.statementId))));
            }
        } finally {
            protobuf.back(service.apply(protobuf.sent(new Service.CloseConnectionRequest(connectionId))));
        }
    }

    /** Serializes and parses requests and responses, as client and server do on either side of HTTP. */
    private record Protobuf(ProtobufTranslation translation) {

        @SuppressWarnings("unchecked")
        <Q extends Service.Request> Q sent(Q request) throws IOException {
            return (Q) translation.parseRequest(translation.serializeRequest(request));
        }

        @SuppressWarnings("unchecked")
        <R extends Service.Response> R back(R response) throws IOException {
            return (R) translation.parseResponse(translation.serializeResponse(response));
        }
    }

    private static List<String> queries(String relation, List<String> columns) {
        String first = columns.get(0);
        String second = columns.get(Math.min(1, columns.size() - 1));
        return List.of(
                "select count(*) from " + relation + " where 1 = 1",
                "select " + first + ", count(*) as n, min(" + second + ") as low, max(" + second + ") as high from "
                        + relation + " where " + first + " is not null group by " + first + " order by " + first,
                "select * from " + relation + " order by 1 fetch first 200 rows only",
                "explain plan for with t as (select " + first + " as k from " + relation + ") "
                        + "select a.k, count(*) as n from t a left join t b on a.k = b.k group by a.k "
                        + "union all select k, 0 from t order by 1");
    }

    private static String firstRelation(DatabaseMetaData meta) throws SQLException {
        try (ResultSet rs = meta.getTables(null, CalciteSessionFactory.DEFAULT_SCHEMA, "%", null)) {
            return rs.next() ? quoted(rs.getString("TABLE_SCHEM")) + "." + quoted(rs.getString("TABLE_NAME")) : null;
        }
    }

    private static List<String> columns(DatabaseMetaData meta, String relation) throws SQLException {
        String[] parts = relation.replace("\"", "").split("\\.");
        List<String> columns = new ArrayList<>();
        try (ResultSet rs = meta.getColumns(null, parts[0], parts[1], "%")) {
            while (rs.next()) {
                columns.add(quoted(rs.getString("COLUMN_NAME")));
            }
        }
        if (columns.isEmpty()) {
            throw new SQLException("relation " + relation + " has no columns");
        }
        return columns;
    }

    private static String quoted(String name) {
        return "\"" + name.replace("\"", "\"\"") + "\"";
    }
}
