package io.salesbi.spark;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SparkDialectTest {

    private static final Map<String, String> PARAMETERS = parameters();

    private static Map<String, String> parameters() {
        Map<String, String> p = new HashMap<>();
        p.put("as_of_date", "2026-01-15");
        p.put("abc_a_cutoff", " 0.8 ");
        p.put("channel_cost_allocation_key", "revenue");
        p.put("run_id", "");
        p.put("quoted", "it's");
        p.put("empty_date", null);
        return p;
    }

    private final SparkDialect dialect = new SparkDialect(PARAMETERS);

    @Test
    void aViewBecomesATemporaryViewWithOnePartNamesForCoreAndKpiRelations() {
        assertThat(dialect.translate("create or replace view kpi.channel_pnl_year as\n"
                        + "select p.year from kpi.channel_pnl p join core.dim_channel c using (channel_code)"))
                .isEqualTo("create or replace temporary view kpi_channel_pnl_year as\n"
                        + "select p.year from kpi_channel_pnl p join core_dim_channel c using (channel_code)");
    }

    @Test
    void parameterMacrosBecomeLiteralsWithTheMacrosSemantics() {
        assertThat(dialect.translate("create or replace view kpi.x as select ops.param('channel_cost_allocation_key') "
                        + "in ('orders'), ops.param_double('abc_a_cutoff') as a, ops.as_of_date() as d, "
                        + "ops.param( 'run_id' ) as r, ops.param('no_such') as n"))
                .isEqualTo("create or replace temporary view kpi_x as select 'revenue' "
                        + "in ('orders'), cast('0.8' as double) as a, coalesce(cast('2026-01-15' as date), "
                        + "current_date()) as d, cast(null as string) as r, cast(null as string) as n");
    }

    @Test
    void aNullAsOfDateIsToday() {
        SparkDialect noDate = new SparkDialect(Map.of());
        assertThat(noDate.translate("create or replace view kpi.x as select ops.as_of_date()"))
                .isEqualTo("create or replace temporary view kpi_x as select "
                        + "coalesce(cast(cast(null as string) as date), current_date())");
    }

    @Test
    void aParameterValueIsEscapedForSparksStringLiterals() {
        assertThat(dialect.literal("quoted")).isEqualTo("'it\\'s'");
        assertThat(dialect.literal("empty_date")).isEqualTo("cast(null as string)");
    }

    @Test
    void varcharWithoutLengthIsSparksStringAndToMonthsAYearMonthInterval() {
        assertThat(dialect.translate(
                        "create or replace view kpi.x as select cast(n as varchar), cast(n as VARCHAR(10)), "
                                + "d - to_months(cast(24 as integer))"))
                .isEqualTo(
                        "create or replace temporary view kpi_x as select cast(n as string), cast(n as VARCHAR(10)), "
                                + "d - make_ym_interval(0, cast(24 as integer))");
    }

    @Test
    void doubleQuotedIdentifiersAreBackQuoted() {
        assertThat(dialect.translate("create or replace view kpi.x as select \"order\" from core.t"))
                .isEqualTo("create or replace temporary view kpi_x as select `order` from core_t");
    }

    @Test
    void stringsAndCommentsAreNeverRewritten() {
        assertThat(dialect.translate("create or replace view kpi.x as\n-- reads core.t and ops.param('run_id')\n"
                        + "select 'core.t varchar', 'ops.as_of_date()' from core.t"))
                .isEqualTo("create or replace temporary view kpi_x as\n \n"
                        + "select 'core.t varchar', 'ops.as_of_date()' from core_t");
    }
}
