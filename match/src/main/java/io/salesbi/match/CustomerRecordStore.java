package io.salesbi.match;

import io.salesbi.match.record.CustomerRecord;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;

/** Reads and writes staging.customer_record. */
final class CustomerRecordStore {

    private CustomerRecordStore() {}

    /** Replaces the table's content in one transaction, writing with the DuckDB Appender. */
    static void replaceAll(Connection conn, List<CustomerRecord> records) throws SQLException {
        Transactions.inTransaction(conn, () -> {
            try (Statement statement = conn.createStatement()) {
                statement.execute("delete from staging.customer_record");
            }
            try (DuckDBAppender appender =
                    conn.unwrap(DuckDBConnection.class).createAppender("staging", "customer_record")) {
                for (CustomerRecord r : records) {
                    appender.beginRow();
                    Appends.text(
                            appender,
                            r.recordKey(),
                            r.sourceSystem(),
                            r.sourceKey(),
                            r.companyName(),
                            r.nameNormalized(),
                            r.legalForm(),
                            r.street(),
                            r.houseNumber(),
                            r.postcode(),
                            r.city(),
                            r.country(),
                            r.phone(),
                            r.email(),
                            r.websiteDomain(),
                            r.vatId(),
                            r.erpDebtorNo(),
                            r.industry(),
                            r.salesRegion(),
                            r.accountOwner());
                    Appends.decimal(appender, r.walletEstimateEur());
                    Appends.decimal(appender, r.potentialEur());
                    if (r.sourceUpdatedAt() == null) {
                        appender.appendNull();
                    } else {
                        appender.append(r.sourceUpdatedAt());
                    }
                    if (r.loadId() == null) {
                        appender.appendNull();
                    } else {
                        appender.append(r.loadId().longValue());
                    }
                    appender.endRow();
                }
            }
        });
    }

    /** All records ordered by record key, so that record indexes and results are deterministic. */
    static List<CustomerRecord> readAll(Connection conn) throws SQLException {
        List<CustomerRecord> records = new ArrayList<>();
        try (Statement statement = conn.createStatement();
                ResultSet rs = statement.executeQuery("select * from staging.customer_record order by record_key")) {
            while (rs.next()) {
                Timestamp updated = rs.getTimestamp("source_updated_at");
                long loadId = rs.getLong("_load_id");
                Long load = rs.wasNull() ? null : loadId;
                records.add(new CustomerRecord(
                        rs.getString("record_key"),
                        rs.getString("source_system"),
                        rs.getString("source_key"),
                        rs.getString("company_name"),
                        rs.getString("name_normalized"),
                        rs.getString("legal_form"),
                        rs.getString("street"),
                        rs.getString("house_number"),
                        rs.getString("postcode"),
                        rs.getString("city"),
                        rs.getString("country"),
                        rs.getString("phone"),
                        rs.getString("email"),
                        rs.getString("website_domain"),
                        rs.getString("vat_id"),
                        rs.getString("erp_debtor_no"),
                        rs.getString("industry"),
                        rs.getString("sales_region"),
                        rs.getString("account_owner"),
                        rs.getBigDecimal("wallet_estimate_eur"),
                        rs.getBigDecimal("potential_eur"),
                        updated == null ? null : updated.toLocalDateTime(),
                        load));
            }
        }
        return records;
    }
}
