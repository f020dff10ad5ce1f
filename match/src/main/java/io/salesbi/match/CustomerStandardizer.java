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
 * Rebuilds staging.customer_record from the raw CRM accounts, the validated ERP debtors and sales reps' lists. SQL picks the
 * latest delivered row per business key and lines the three sources up on canonical fields; Java standardizes
 * them with the libraries SQL lacks (libphonenumber, legal forms, VAT formats); the Appender writes them.
 */
public final class CustomerStandardizer {

    private static final Logger LOG = LoggerFactory.getLogger(CustomerStandardizer.class);

    /** The latest row per business key of each source, in canonical fields. */
    static final String LATEST_SOURCE_ROWS = """
            with crm as (
                select 'crm' as source_system, account_id as source_key, account_name as company_name,
                       street, postcode, city, country, phone, email, website, vat_id, erp_debtor_no,
                       industry, sales_region, account_owner, wallet_estimate_eur, null::decimal(18, 2) as potential_eur,
                       _source_file, _load_id
                from raw.crm_account
                where nullif(trim(account_id), '') is not null
                qualify row_number() over (partition by account_id order by _load_id desc, _row_number desc) = 1
            ),
            erp as (
                select 'erp' as source_system, debtor_no as source_key,
                       trim(concat_ws(' ', name1, nullif(trim(name2), ''))) as company_name,
                       street, postcode, city, country, phone, null as email, null as website, vat_id,
                       debtor_no as erp_debtor_no, industry, sales_region, account_manager as account_owner,
                       null::decimal(18, 2) as wallet_estimate_eur, null::decimal(18, 2) as potential_eur,
                       _source_file, _load_id
                -- validated: the latest row per debtor, also the debtors derived from order exports without a master
                from staging.erp_debtor
            ),
            excel_keyed as (
                select regexp_extract(_source_file, '([^/\\\\]+?)(\\.[^./\\\\]*)?$', 1) || '/' || trim(list_no) as source_key,
                       *
                from raw.sales_rep_customer
                where nullif(trim(list_no), '') is not null
            ),
            excel as (
                select 'excel' as source_system, source_key, company_name, street, postcode, city,
                       null as country, phone, email, null as website, null as vat_id, null as erp_debtor_no,
                       null as industry, null as sales_region, null as account_owner,
                       null::decimal(18, 2) as wallet_estimate_eur, potential_eur, _source_file, _load_id
                from excel_keyed
                qualify row_number() over (partition by source_key order by _load_id desc, _row_number desc) = 1
            ),
            all_sources as (
                select * from crm
                union all select * from erp
                union all select * from excel
            )
            select s.*,
                   coalesce(try_strptime(nullif(regexp_extract(s._source_file, '(\\d{8})', 1), ''), '%Y%m%d'),
                            f.started_at) as source_updated_at
            from all_sources s
            left join ops.file_load f on f.load_id = s._load_id
            order by s.source_system, s.source_key
            """;

    private CustomerStandardizer() {
    }

    /** Rebuilds staging.customer_record; returns the number of rows written. */
    public static long run(Connection conn, long runId) throws SQLException {
        long started = System.currentTimeMillis();
        List<CustomerSourceRow> rows = readLatestRows(conn);
        CustomerRecordStandardizer standardizer = new CustomerRecordStandardizer("DE");
        // stateless per row, so both cores share the work; the ordered stream keeps the rows' order
        List<CustomerRecord> records = rows.parallelStream().map(standardizer::standardize).toList();
        CustomerRecordStore.replaceAll(conn, records);
        long badCheckDigits = records.stream()
                .filter(r -> r.vatId() != null && !VatIds.checkDigitValid(r.vatId())).count();
        LOG.info("Run {}: standardized {} customer records (crm, erp, excel) in {} ms; {} German VAT ids fail "
                + "their check digit", runId, records.size(), System.currentTimeMillis() - started, badCheckDigits);
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
                rows.add(new CustomerSourceRow(rs.getString("source_system"), rs.getString("source_key").strip(),
                        rs.getString("company_name"), rs.getString("street"), rs.getString("postcode"),
                        rs.getString("city"), rs.getString("country"), rs.getString("phone"), rs.getString("email"),
                        rs.getString("website"), rs.getString("vat_id"), rs.getString("erp_debtor_no"),
                        rs.getString("industry"), rs.getString("sales_region"), rs.getString("account_owner"),
                        rs.getBigDecimal("wallet_estimate_eur"), rs.getBigDecimal("potential_eur"),
                        updated == null ? null : updated.toLocalDateTime(), load));
            }
        }
        return rows;
    }
}
