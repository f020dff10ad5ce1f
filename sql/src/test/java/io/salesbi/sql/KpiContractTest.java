package io.salesbi.sql;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The KPI views have the columns and types of the dashboards' contract (listed in docs/kpis.md) (more columns may follow at the end). */
class KpiContractTest {

    private static final String CHANNEL_PNL = "channel_code varchar, channel_name_de varchar, channel_name_en varchar, "
            + "year integer, %snet_revenue_eur decimal(18,2), cost_of_goods_eur decimal(18,2), gross_margin_eur decimal(18,2), "
            + "direct_channel_cost_eur decimal(18,2), allocated_cost_eur decimal(18,2), contribution_margin_eur decimal(18,2), "
            + "roi double";

    private static final Map<String, String> CONTRACT = Map.ofEntries(
            Map.entry(
                    "market_share",
                    "industry varchar, region varchar, year integer, own_revenue_eur decimal(18,2), "
                            + "market_volume_eur decimal(18,2), market_share double, market_share_prev_year double, share_change_pp double, "
                            + "largest_competitor varchar, largest_competitor_share double, relative_market_share double, "
                            + "white_space_eur decimal(18,2)"),
            Map.entry("channel_pnl", CHANNEL_PNL.formatted("month integer, ")),
            Map.entry("channel_pnl_year", CHANNEL_PNL.formatted("")),
            Map.entry(
                    "price_realization",
                    "channel_code varchar, channel_name_de varchar, channel_name_en varchar, "
                            + "product_category varchar, year integer, list_revenue_eur decimal(18,2), net_revenue_eur decimal(18,2), "
                            + "price_realization double"),
            Map.entry("channel_mix", "year integer, channels_used varchar, customers bigint"),
            Map.entry(
                    "customer_value",
                    "customer_id varchar, company_name varchar, industry varchar, sales_region varchar, "
                            + "year integer, revenue_eur decimal(18,2), gross_margin_eur decimal(18,2), cost_to_serve_eur decimal(18,2), "
                            + "contribution_eur decimal(18,2), abc_revenue varchar, abc_contribution varchar, "
                            + "a_by_revenue_c_by_contribution boolean, wallet_eur decimal(18,2), share_of_wallet double, "
                            + "revenue_prev_year_eur decimal(18,2), revenue_trend double, last_order_date date, "
                            + "days_since_last_order integer, value_segment varchar, potential_segment varchar, service_model varchar, "
                            + "wallet_source varchar, wallet_estimate_eur decimal(18,2), wallet_below_revenue boolean"),
            Map.entry(
                    "cross_sell_gap",
                    "customer_id varchar, company_name varchar, industry varchar, "
                            + "product_category varchar, peer_buyer_share double"),
            Map.entry(
                    "buying_center",
                    "customer_id varchar, company_name varchar, role varchar, contacts bigint, "
                            + "last_touchpoint_date date"),
            Map.entry("touchpoints", "year integer, journey_phase varchar, channel varchar, touchpoints bigint"),
            Map.entry(
                    "contact_touchpoints",
                    "customer_id varchar, company_name varchar, contact_id varchar, buying_center_role varchar, "
                            + "touchpoints bigint, first_touchpoint_date date, last_touchpoint_date date"),
            Map.entry(
                    "sales_cube",
                    "year integer, sales_region varchar, industry varchar, channel_code varchar, "
                            + "product_category varchar, net_revenue_eur decimal(18,2), list_revenue_eur decimal(18,2), "
                            + "cost_of_goods_eur decimal(18,2), order_lines bigint"),
            Map.entry("dq_quarantine", "source varchar, stage varchar, rule varchar, rows bigint"),
            Map.entry(
                    "dq_file_load",
                    "source varchar, file_name varchar, status varchar, rows_delivered bigint, "
                            + "rows_loaded bigint, rows_rejected bigint, reason_code varchar, message varchar, finished_at timestamp"),
            Map.entry(
                    "dq_summary",
                    "source_records bigint, golden_customers bigint, duplicates_merged bigint, "
                            + "rows_quarantined bigint, files_loaded bigint, files_failed bigint, customers_without_owner bigint, "
                            + "last_load_at timestamp, newest_file_date date"));

    @TempDir
    Path dir;

    @Test
    void everyContractViewStartsWithTheContractColumns() throws Exception {
        try (Connection conn = TestWarehouse.migrated(dir)) {
            for (Map.Entry<String, String> view : CONTRACT.entrySet()) {
                List<String> expected = List.of(view.getValue().split(", "));
                List<String> actual = TestWarehouse.rows(conn, """
                        select column_name || ' ' || lower(data_type) from information_schema.columns
                        where table_schema = 'kpi' and table_name = '%s' order by ordinal_position""".formatted(view.getKey())).stream()
                        .map(row -> row.get(0))
                        .toList();

                assertThat(actual).as("columns of kpi." + view.getKey()).startsWith(expected.toArray(String[]::new));
            }
        }
    }

    @Test
    void noKpiColumnHasATypeAvaticaCannotCarry() throws Exception {
        try (Connection conn = TestWarehouse.migrated(dir)) {
            assertThat(TestWarehouse.rows(conn, """
                    select table_name || '.' || column_name || ' ' || data_type from information_schema.columns
                    where table_schema = 'kpi' and (data_type in ('HUGEINT', 'UHUGEINT', 'UUID') or data_type like 'DECIMAL(38%')""")).isEmpty();
        }
    }
}
