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

    @Test
    void stageValidatedIsReplacedByTheSkeletonWithTheSubjectsParts() {
        String expanded = SqlTemplates.expand("""
                create temp table debtor_candidate as select 1;
                stage_validated(subject => debtor, source => erp, target => staging.erp_debtor,
                    columns => (debtor_no, name1,
                        _load_id));
                select 2;
                """);

        assertThat(SqlStatementSplitter.split(expanded))
                .extracting(SqlStatementSplitter.ScriptStatement::firstLine)
                .containsExactly(
                        "create temp table debtor_candidate as select 1",
                        "delete from quarantine.rejected_row where stage = 'validate' and rule like 'debtor.%'",
                        "insert into quarantine.rejected_row",
                        "delete from staging.erp_debtor",
                        "insert into staging.erp_debtor",
                        "select 2");
        assertThat(expanded)
                .contains("'validate', 'erp', _source_file")
                .contains("from debtor_rejected;")
                .contains("select debtor_no, name1, _load_id\nfrom debtor_candidate c\n")
                .contains("select 1 from debtor_rejected r")
                .doesNotContain("${")
                .doesNotContain("stage_validated");
        assertThat(SqlTemplates.expand("stage_validated(subject => cost, source => costs, target => staging.cost, "
                        + "candidates => cost_mapped, columns => (a))"))
                .contains("from cost_mapped c");
    }

    @Test
    void aStageValidatedWithoutItsPartsIsAnErrorNamingTheLine() {
        assertThatThrownBy(() -> SqlTemplates.expand("select 1;\nstage_validated(subject => debtor, source => erp);"))
                .hasMessage("stage_validated( at line 2: missing [columns, target]");
        assertThatThrownBy(() -> SqlTemplates.expand(
                        "stage_validated(subject => debtor, source => erp, target => staging.d, colums => (a))"))
                .hasMessage("stage_validated( at line 1: unknown argument 'colums'; expected some of "
                        + "[candidates, columns, raw, source, subject, target]");
        assertThatThrownBy(() -> SqlTemplates.expand(
                        "stage_validated(subject => debtor, source => erp, target => d, columns => (a))"))
                .hasMessage("stage_validated( at line 1: target => d; expected a table such as staging.erp_debtor");
        assertThatThrownBy(() -> SqlTemplates.expand(
                        "stage_validated(subject => debtor, source => erp, target => staging.d, columns => a, b)"))
                .hasMessage("stage_validated( at line 1: 'b' is no argument; expected name => value");
    }

    @Test
    void inDuckDbTheSkeletonQuarantinesTheRejectedAndStagesTheRest() throws Exception {
        try (Connection conn = DriverManager.getConnection("jdbc:duckdb:");
                Statement st = conn.createStatement()) {
            st.execute("create schema quarantine; create schema staging; create schema ops");
            st.execute("create table quarantine.rejected_row (load_id bigint, run_id bigint, stage varchar, "
                    + "source varchar, source_file varchar, sheet varchar, row_number bigint, column_name varchar, "
                    + "raw_value varchar, rule varchar, message varchar)");
            st.execute("create macro ops.param(n) as (select '7' where n = 'run_id')");
            // an older rejection of the subject is replaced, another subject's stays
            st.execute("insert into quarantine.rejected_row values (1, 6, 'validate', 'erp', 'old.csv', null, 9, "
                    + "'k', '', 'thing.missing_key', 'old'), (1, 6, 'validate', 'erp', 'old.csv', null, 9, 'k', '', "
                    + "'other.rule', 'kept')");
            st.execute("create table staging.thing (k varchar, v int, _load_id bigint, _sheet varchar, "
                    + "_row_number bigint)");
            st.execute("insert into staging.thing values ('stale', 0, 1, null, 1)");
            st.execute("create temp table thing_candidate as select * from (values ('A', 1, 2, 'S', 2), "
                    + "('B', -1, 2, 'S', 3)) t(k, v, _load_id, _sheet, _row_number)");
            st.execute("create temp table thing_rejected as select _load_id, 'f.xlsx' as _source_file, _sheet, "
                    + "_row_number, 'v' as column_name, cast(v as varchar) as raw_value, 'thing.negative' as rule, "
                    + "'v is negative' as message from thing_candidate where v < 0");
            for (SqlStatementSplitter.ScriptStatement s : SqlStatementSplitter.split(
                    SqlTemplates.expand("stage_validated(subject => thing, source => erp, target => staging.thing, "
                            + "columns => (k, v, _load_id, _sheet, _row_number));"))) {
                st.execute(s.sql());
            }

            assertThat(rows(st, "select k || '/' || v from staging.thing order by 1"))
                    .containsExactly("A/1");
            assertThat(rows(
                            st,
                            "select concat_ws('|', load_id, run_id, stage, source, source_file, sheet, row_number, "
                                    + "column_name, raw_value, rule, message) from quarantine.rejected_row order by 1"))
                    .containsExactly(
                            "1|6|validate|erp|old.csv|9|k||other.rule|kept",
                            "2|7|validate|erp|f.xlsx|S|3|v|-1|thing.negative|v is negative");
        }
    }

    @Test
    void withItsRawTableTheSkeletonAlsoCountsTheStagedRowsOfEachLoad() throws Exception {
        try (Connection conn = DriverManager.getConnection("jdbc:duckdb:");
                Statement st = conn.createStatement()) {
            st.execute("create schema quarantine; create schema staging; create schema ops");
            st.execute("create table quarantine.rejected_row (load_id bigint, run_id bigint, stage varchar, "
                    + "source varchar, source_file varchar, sheet varchar, row_number bigint, column_name varchar, "
                    + "raw_value varchar, rule varchar, message varchar)");
            st.execute("create macro ops.param(n) as (select '7' where n = 'run_id')");
            st.execute("create table ops.staged_rows (raw_table varchar, load_id bigint, rows_staged bigint)");
            st.execute("insert into ops.staged_rows values ('raw.thing', 1, 5), ('raw.other', 1, 3)");
            st.execute("create table staging.thing (k varchar, _load_id bigint, _sheet varchar, _row_number bigint)");
            // load 2 delivers A and B, load 3 delivers C and a rejected D
            st.execute("create temp table thing_candidate as select * from (values ('A', 2, null, 2), "
                    + "('B', 2, null, 3), ('C', 3, null, 2), ('D', 3, null, 3)) t(k, _load_id, _sheet, _row_number)");
            st.execute("create temp table thing_rejected as select _load_id, 'f.csv' as _source_file, _sheet, "
                    + "_row_number, 'k' as column_name, k as raw_value, 'thing.d' as rule, 'no D' as message "
                    + "from thing_candidate where k = 'D'");
            for (SqlStatementSplitter.ScriptStatement s : SqlStatementSplitter.split(
                    SqlTemplates.expand("stage_validated(subject => thing, source => x, target => staging.thing, "
                            + "columns => (k, _load_id, _sheet, _row_number), raw => raw.thing);"))) {
                st.execute(s.sql());
            }

            assertThat(rows(
                            st,
                            "select concat_ws('|', raw_table, load_id, rows_staged) from ops.staged_rows order by 1"))
                    .containsExactly("raw.other|1|3", "raw.thing|2|2", "raw.thing|3|1");
        }
        assertThatThrownBy(() -> SqlTemplates.expand(
                        "stage_validated(subject => d, source => erp, target => staging.d, columns => (a), raw => d)"))
                .hasMessage("stage_validated( at line 1: raw => d; expected the raw table validated, such as "
                        + "raw.channel_price");
    }

    private static List<String> rows(Statement st, String sql) throws Exception {
        List<String> rows = new ArrayList<>();
        try (ResultSet rs = st.executeQuery(sql)) {
            while (rs.next()) {
                rows.add(rs.getString(1));
            }
        }
        return rows;
    }
}
