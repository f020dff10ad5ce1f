package db.migration;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * Drops the primary-key indexes of the tables the night empties and fills again. In DuckDB, committing a transaction
 * that deleted and re-inserted the keys of an indexed table costs seconds per 50,000 rows (measured: 3.9 s for
 * core.fact_touchpoint at scale 1, against 0.3 s without the index), and every night after the first does exactly
 * that. Their keys are checked by {@code sql/assert/45_keys_unique.sql} instead, as for the order lines.
 *
 * <p>DuckDB cannot drop a primary key in place, so each table is created again with the same columns, types, NOT NULL
 * constraints and defaults, its rows copied over.
 */
public class V42__Rebuilt_tables_without_key_indexes extends BaseJavaMigration {

    static final List<String> TABLES = List.of(
            "staging.erp_debtor", "staging.erp_credit_note", "staging.service_driver", "staging.crm_contact",
            "staging.crm_activity", "core.dim_customer", "core.dim_contact", "core.fact_credit_note", "core.fact_service_driver",
            "core.fact_touchpoint", "staging.customer_record", "core.customer_xref", "core.customer_golden",
            "core.customer_match_pair");

    @Override
    public void migrate(Context context) throws Exception {
        Connection conn = context.getConnection();
        for (String table : TABLES) {
            String[] name = table.split("\\.");
            recreateWithoutKey(conn, name[0], name[1]);
        }
    }

    private static void recreateWithoutKey(Connection conn, String schema, String table) throws SQLException {
        List<String> columns = new ArrayList<>();
        try (PreparedStatement ps = conn.prepareStatement("""
                select column_name, data_type, is_nullable, column_default
                from duckdb_columns() where schema_name = ? and table_name = ? order by column_index""")) {
            ps.setString(1, schema);
            ps.setString(2, table);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    columns.add('"' + rs.getString(1) + "\" " + rs.getString(2) + (rs.getBoolean(3) ? "" : " not null")
                            + (rs.getString(4) == null ? "" : " default " + rs.getString(4)));
                }
            }
        }
        if (columns.isEmpty()) {
            throw new SQLException("table " + schema + "." + table + " does not exist");
        }
        String rebuilt = table + "__without_key";
        try (Statement st = conn.createStatement()) {
            st.execute("create table " + schema + "." + rebuilt + " (" + String.join(", ", columns) + ")");
            st.execute("insert into " + schema + "." + rebuilt + " select * from " + schema + "." + table);
            st.execute("drop table " + schema + "." + table);
            st.execute("alter table " + schema + "." + rebuilt + " rename to " + table);
        }
    }
}
