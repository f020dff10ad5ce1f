package io.salesbi.match;

import io.salesbi.match.record.CustomerRecord;
import io.salesbi.match.standardize.VatIds;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Rebuilds staging.customer_record from the raw CRM accounts, the validated ERP debtors and sales reps' lists. SQL
 * (the view staging.customer_source_row, in the warehouse's migrations) picks the latest delivered row per business
 * key and lines the three sources up on canonical fields; Java standardizes
 * them with the libraries SQL lacks (libphonenumber, legal forms, VAT formats); the Appender writes them.
 */
public final class CustomerStandardizer {

    private static final Logger LOG = LoggerFactory.getLogger(CustomerStandardizer.class);

    /** The latest row per business key of each source, in canonical fields: a view of the warehouse's SQL. */
    static final String LATEST_SOURCE_ROWS =
            "select * from staging.customer_source_row order by source_system, source_key";

    private CustomerStandardizer() {}

    /** Rebuilds staging.customer_record; returns the number of rows written. */
    public static long run(Connection conn, long runId) throws SQLException {
        long started = System.currentTimeMillis();
        List<CustomerSourceRow> rows = readLatestRows(conn);
        CustomerRecordStandardizer standardizer = new CustomerRecordStandardizer("DE");
        // stateless per row, so both cores share the work; the ordered stream keeps the rows' order
        List<CustomerRecord> records =
                rows.parallelStream().map(standardizer::standardize).toList();
        CustomerRecordStore.replaceAll(conn, records);
        long badCheckDigits = records.stream()
                .filter(r -> r.vatId() != null && !VatIds.checkDigitValid(r.vatId()))
                .count();
        LOG.info(
                "Run {}: standardized {} customer records (crm, erp, excel) in {} ms; {} German VAT ids fail "
                        + "their check digit",
                runId,
                records.size(),
                System.currentTimeMillis() - started,
                badCheckDigits);
        return records.size();
    }

    private static List<CustomerSourceRow> readLatestRows(Connection conn) throws SQLException {
        List<CustomerSourceRow> rows = new ArrayList<>();
        try (Statement statement = conn.createStatement();
                ResultSet rs = statement.executeQuery(LATEST_SOURCE_ROWS)) {
            while (rs.next()) {
                Timestamp updated = rs.getTimestamp("source_updated_at");
                long loadId = rs.getLong("_load_id");
                // asked at once: wasNull() answers for the column read last
                Long load = rs.wasNull() ? null : loadId;
                rows.add(new CustomerSourceRow(
                        rs.getString("source_system"),
                        rs.getString("source_key").strip(),
                        rs.getString("company_name"),
                        rs.getString("street"),
                        rs.getString("postcode"),
                        rs.getString("city"),
                        rs.getString("country"),
                        rs.getString("phone"),
                        rs.getString("email"),
                        rs.getString("website"),
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
        return rows;
    }
}
