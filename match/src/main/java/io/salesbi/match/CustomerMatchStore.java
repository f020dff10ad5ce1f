package io.salesbi.match;

import io.salesbi.match.golden.GoldenCustomer;
import io.salesbi.match.steward.AppliedOverrides;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;

/** Reads the previous run's ids and writes xref, golden customers, pairs, overrides and id history. */
final class CustomerMatchStore {

    /** One row of core.customer_match_pair. */
    record PairRow(
            String recordKey1,
            String recordKey2,
            double probability,
            double weight,
            String decision,
            boolean sameCustomer,
            String evidence) {}

    /** One row of core.customer_xref. */
    record XrefRow(String sourceSystem, String sourceKey, String customerId, double probability) {}

    private CustomerMatchStore() {}

    /** Record key → customer id of the previous run. */
    static Map<String, String> previousIds(Connection conn) throws SQLException {
        Map<String, String> ids = new HashMap<>();
        try (Statement statement = conn.createStatement();
                ResultSet rs = statement.executeQuery(
                        "select source_system || ':' || source_key as record_key, customer_id from core.customer_xref")) {
            while (rs.next()) {
                ids.put(rs.getString(1), rs.getString(2));
            }
        }
        return ids;
    }

    /** The highest id number ever given, in the xref or the history, so retired ids are never reused. */
    static long highestIdNumber(Connection conn) throws SQLException {
        long highest = 0;
        try (Statement statement = conn.createStatement();
                ResultSet rs = statement.executeQuery("""
                     select customer_id from core.customer_xref
                     union select customer_id from core.customer_id_history
                     union select related_customer_id from core.customer_id_history
                     """)) {
            while (rs.next()) {
                highest = Math.max(highest, CustomerIds.number(rs.getString(1)));
            }
        }
        return highest;
    }

    /**
     * Replaces xref, golden customers, pairs and overrides in the target tables and appends the id events to its
     * id history. The pairs are read once, as they are appended: they may be made on the fly (each with its
     * evidence), so that millions of them are never held at once.
     */
    static void write(
            Connection conn,
            MatchTables target,
            long runId,
            List<XrefRow> xref,
            List<GoldenCustomer> golden,
            Iterable<PairRow> pairs,
            AppliedOverrides overrides,
            List<IdEvent> events)
            throws SQLException {
        Transactions.inTransaction(conn, () -> {
            try (Statement statement = conn.createStatement()) {
                for (String table :
                        List.of("customer_xref", "customer_golden", "customer_match_pair", "customer_override")) {
                    statement.execute("delete from " + target.qualified(table));
                }
            }
            DuckDBConnection duck = conn.unwrap(DuckDBConnection.class);
            try (DuckDBAppender appender = appender(duck, target, "customer_xref")) {
                for (XrefRow row : xref) {
                    appender.beginRow();
                    Appends.text(appender, row.sourceSystem(), row.sourceKey(), row.customerId());
                    appender.append(row.probability());
                    appender.endRow();
                }
            }
            try (DuckDBAppender appender = appender(duck, target, "customer_golden")) {
                for (GoldenCustomer g : golden) {
                    appender.beginRow();
                    Appends.text(
                            appender,
                            g.customerId(),
                            g.companyName(),
                            g.legalForm(),
                            g.street(),
                            g.postcode(),
                            g.city(),
                            g.country(),
                            g.phone(),
                            g.email(),
                            g.websiteDomain(),
                            g.vatId(),
                            g.industry(),
                            g.salesRegion(),
                            g.accountOwner());
                    Appends.decimal(appender, g.walletEstimateEur());
                    Appends.decimal(appender, g.potentialEur());
                    appender.append(g.recordCount());
                    Appends.text(appender, g.sourceSystems(), g.fieldSources());
                    appender.endRow();
                }
            }
            try (DuckDBAppender appender = appender(duck, target, "customer_match_pair")) {
                for (PairRow p : pairs) {
                    appender.beginRow();
                    Appends.text(appender, p.recordKey1(), p.recordKey2());
                    appender.append(p.probability());
                    appender.append(p.weight());
                    Appends.text(appender, p.decision());
                    appender.append(p.sameCustomer());
                    Appends.text(appender, p.evidence());
                    appender.endRow();
                }
            }
            try (DuckDBAppender appender = appender(duck, target, "customer_override")) {
                for (AppliedOverrides.Status s : overrides.statuses()) {
                    appender.beginRow();
                    Appends.text(
                            appender,
                            s.override().action().code(),
                            s.override().recordKey1(),
                            s.override().recordKey2(),
                            s.override().sourceFile());
                    appender.append(s.override().sourceLine());
                    Appends.text(appender, s.status(), s.override().comment());
                    appender.endRow();
                }
            }
            try (DuckDBAppender appender = appender(duck, target, "customer_id_history")) {
                for (IdEvent e : events) {
                    appender.beginRow();
                    appender.append(runId);
                    Appends.text(appender, e.event(), e.customerId(), e.relatedCustomerId());
                    appender.append(e.recordCount());
                    appender.endRow();
                }
            }
        });
    }

    private static DuckDBAppender appender(DuckDBConnection duck, MatchTables target, String table)
            throws SQLException {
        return duck.createAppender(target.schema(), target.name(table));
    }
}
