package io.salesbi.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class KpiViewsTest {

    /** The core and reference relations of a Parquet export (docs/export.md). */
    static final List<String> EXPORT_CORE = List.of(
            "core.customer_golden",
            "core.customer_id_history",
            "core.customer_match_pair",
            "core.customer_override",
            "core.customer_xref",
            "core.dim_calendar",
            "core.dim_channel",
            "core.dim_contact",
            "core.dim_customer",
            "core.dim_product",
            "core.dim_region",
            "core.fact_channel_cost",
            "core.fact_credit_note",
            "core.fact_market_volume",
            "core.fact_order_line",
            "core.fact_service_driver",
            "core.fact_touchpoint",
            "core.fx_rate",
            "core.opportunity",
            "core.opportunity_history",
            "core.sales_fact",
            "core.sales_line",
            "core.sales_plan",
            "ref.currency",
            "ref.opportunity_stage",
            "ref.product_group",
            "ref.region",
            "ref.segment");

    /** The views that cannot run over an export, because they read the night's own bookkeeping. */
    static final List<String> NOT_ON_SPARK = List.of(
            "kpi.customer_sources",
            "kpi.dq_completeness",
            "kpi.dq_file_load",
            "kpi.dq_file_rows",
            "kpi.dq_freshness",
            "kpi.dq_quarantine",
            "kpi.dq_summary",
            "kpi.survey_area_score",
            "kpi.survey_gap",
            "kpi.survey_position",
            "kpi.survey_profile");

    /** NOT_ON_SPARK and the views not yet made portable (KpiViews.NOT_YET_ON_SPARK). */
    static final List<String> SKIPPED = skipped();

    private static List<String> skipped() {
        List<String> all = new java.util.ArrayList<>(NOT_ON_SPARK);
        all.addAll(KpiViews.NOT_YET_ON_SPARK.keySet());
        return all;
    }

    @Test
    void theViewsAreReadFromTheMigrationsWithTheRelationsTheyRead() {
        Map<String, KpiViews.View> views =
                KpiViews.load().stream().collect(java.util.stream.Collectors.toMap(KpiViews.View::name, v -> v));
        assertThat(views)
                .containsKeys(
                        "core.sales_fact",
                        "kpi.sales_cube",
                        "kpi.channel_pnl",
                        "kpi.channel_pnl_year",
                        "kpi.customer_value",
                        "kpi.survey_gap");
        assertThat(views.get("core.sales_fact").reads()).containsExactly("core.dim_customer", "core.sales_line");
        assertThat(views.get("kpi.channel_pnl_year").reads()).containsExactly("kpi.channel_pnl");
        assertThat(views.get("kpi.channel_pnl").script()).isEqualTo("R__kpi_channel_pnl.sql");
        // macros are no relations
        assertThat(views.get("kpi.customer_value").reads())
                .containsExactly(
                        "core.customer_golden",
                        "core.dim_customer",
                        "core.fact_market_volume",
                        "core.fact_service_driver",
                        "core.sales_line");
        assertThat(views.get("kpi.survey_gap").reads()).containsExactly("staging.survey_answer");
    }

    @Test
    void overAnExportEveryViewRunsButThoseReadingOpsStagingOrQuarantineInDependencyOrder() {
        KpiViews.Plan plan = KpiViews.plan(KpiViews.load(), EXPORT_CORE);
        List<String> runnable =
                plan.runnable().stream().map(KpiViews.View::name).toList();
        assertThat(runnable)
                .containsExactlyInAnyOrder(
                        "core.sales_fact",
                        "kpi.buying_center",
                        "kpi.channel_migration",
                        "kpi.channel_mix",
                        "kpi.channel_pnl",
                        "kpi.channel_pnl_year",
                        "kpi.contact_touchpoints",
                        "kpi.cross_sell_gap",
                        "kpi.customer_channel",
                        "kpi.customer_concentration",
                        "kpi.customer_value",
                        "kpi.dq_opportunity",
                        "kpi.market_share",
                        "kpi.pipeline_channel_return",
                        "kpi.pipeline_coverage",
                        "kpi.pipeline_funnel",
                        "kpi.pipeline_open",
                        "kpi.pipeline_stalled",
                        "kpi.pipeline_unworked_potential",
                        "kpi.pipeline_win_rate",
                        "kpi.plan_vs_actual",
                        "kpi.price_realization",
                        "kpi.sales_cube",
                        "kpi.sales_cube_month",
                        "kpi.touchpoints");
        assertThat(runnable.indexOf("core.sales_fact"))
                .isLessThan(runnable.indexOf("kpi.sales_cube"))
                .isLessThan(runnable.indexOf("kpi.market_share"));
        assertThat(runnable.indexOf("kpi.channel_pnl")).isLessThan(runnable.indexOf("kpi.channel_pnl_year"));
        assertThat(runnable.indexOf("kpi.sales_cube_month")).isLessThan(runnable.indexOf("kpi.sales_cube"));
        assertThat(runnable.indexOf("kpi.customer_channel"))
                .isLessThan(runnable.indexOf("kpi.channel_mix"))
                .isLessThan(runnable.indexOf("kpi.customer_concentration"));
        assertThat(plan.skipped()).containsOnlyKeys(SKIPPED);
        assertThat(plan.skipped().get("kpi.survey_gap"))
                .isEqualTo("reads staging.survey_answer, which the export does not hold");
        assertThat(plan.skipped().get("kpi.survey_profile"))
                .isEqualTo("reads kpi.survey_area_score (itself not runnable), which the export does not hold");
        assertThat(plan.skipped().get("kpi.dq_file_load"))
                .isEqualTo("reads ops.file_load, which the export does not hold");
    }

    @Test
    void aViewReadingAViewBeforeItIsDefinedStillComesAfterIt() {
        List<KpiViews.View> views = KpiViews.parse(
                "R__x.sql",
                "create or replace view kpi.b as select * from kpi.a;\n"
                        + "create or replace view kpi.a as select * from core.t;");
        assertThat(KpiViews.plan(views, List.of("core.t")).runnable())
                .extracting(KpiViews.View::name)
                .containsExactly("kpi.a", "kpi.b");
    }

    @Test
    void aScriptWithAnotherStatementThanAViewIsAnErrorNamingIt() {
        assertThatThrownBy(() -> KpiViews.parse(
                        "R__kpi_x.sql", "create or replace view kpi.a as select 1;\n" + "drop view kpi.b;"))
                .hasMessage("R__kpi_x.sql: expected only 'create or replace view schema.name as ...' statements, "
                        + "found: drop view kpi.b");
    }

    @Test
    void aCycleIsAnErrorNamingIt() {
        List<KpiViews.View> views = KpiViews.parse(
                "R__x.sql",
                "create or replace view kpi.a as select * from kpi.b;\n"
                        + "create or replace view kpi.b as select * from kpi.a;");
        assertThatThrownBy(() -> KpiViews.plan(views, List.of()))
                .hasMessage("the KPI views read each other in a cycle: kpi.a -> kpi.b -> kpi.a");
    }
}
