package io.salesbi.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SqlTemplatesTest {

    @Test
    void latestRowPerExpandsToTheRowNumberOfTheNewestDelivery() {
        assertThat(SqlTemplates.expand("select * from raw.x qualify latest_row_per(trim(debtor_no), year);"))
                .isEqualTo("select * from raw.x qualify row_number() over (partition by trim(debtor_no), year "
                        + "order by _load_id desc, _row_number desc) = 1;");
        assertThat(SqlTemplates.expand("select ')' as p qualify latest_row_per(replace(k, ')', ''))"))
                .endsWith("partition by replace(k, ')', '') order by _load_id desc, _row_number desc) = 1");
        assertThat(SqlTemplates.expand("select 1")).isEqualTo("select 1");
    }

    @Test
    void anEmptyOrUnclosedTemplateIsAnError() {
        assertThatThrownBy(() -> SqlTemplates.expand("qualify latest_row_per( )"))
                .hasMessageContaining("needs the key columns");
        assertThatThrownBy(() -> SqlTemplates.expand("qualify latest_row_per(trim(k)"))
                .hasMessageContaining("never closed");
    }

    @Test
    void inDuckDbTheLastDeliveredRowOfAKeyWins() throws Exception {
        try (Connection conn = DriverManager.getConnection("jdbc:duckdb:");
                Statement st = conn.createStatement()) {
            st.execute("create table d (k varchar, v int, _load_id bigint, _row_number bigint)");
            // key A: load 1 row 5, load 2 row 1 (newest load wins); key B: load 1 rows 2 and 3 (last row wins)
            st.execute("insert into d values (' A', 1, 1, 5), ('A', 2, 2, 1), ('B', 3, 1, 2), ('B', 4, 1, 3)");
            List<String> rows = new ArrayList<>();
            try (ResultSet rs = st.executeQuery(SqlTemplates.expand(
                    "select trim(k) || '=' || v from d qualify latest_row_per(trim(k)) order by 1"))) {
                while (rs.next()) {
                    rows.add(rs.getString(1));
                }
            }
            assertThat(rows).containsExactly("A=2", "B=4");
        }
    }
}
