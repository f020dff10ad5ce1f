package io.salesbi.pipeline.run;

import static org.assertj.core.api.Assertions.assertThat;

import io.salesbi.generator.DemoDataGenerator;
import io.salesbi.generator.GeneratorSettings;
import io.salesbi.pipeline.config.SalesbiSettings;
import io.salesbi.pipeline.config.SettingsLoader;
import io.salesbi.pipeline.run.NightlyRun.RunResult;
import io.salesbi.pipeline.warehouse.Warehouse;
import io.salesbi.sql.SqlScripts;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.batch.core.BatchStatus;

/**
 * The sales pipeline on demo data after one night: the history the warehouse derives from the nightly snapshots is
 * the CRM's stage-history export, and the planted marketplace (leads that win often at a negative contribution after
 * cost to serve) shows in kpi.pipeline_channel_return.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SalesPipelineDemoIT {

    private static final double SCALE = 0.05;
    private static final long SEED = 7;
    private static final LocalDate AS_OF = LocalDate.of(2026, 1, 15);

    private SalesbiSettings settings;

    @BeforeAll
    void runOneNight(@TempDir Path tmp) throws Exception {
        Path home = tmp.resolve("site");
        new DemoDataGenerator(new GeneratorSettings(SCALE, SEED, home, AS_OF)).generate();
        settings = SettingsLoader.defaults(home);
        try (Warehouse warehouse = Warehouse.open(settings.warehouse())) {
            RunResult night = new NightlyRun(settings, warehouse).execute(AS_OF, true);
            assertThat(night.status()).as(night.failure()).isEqualTo(BatchStatus.COMPLETED);
        }
    }

    @Test
    void historyDerivedFromTheSnapshotsIsTheStageHistoryExport() throws Exception {
        try (Warehouse warehouse = Warehouse.open(settings.warehouse());
                Connection conn = warehouse.connect();
                Statement st = conn.createStatement()) {
            String columns = "opportunity_id, valid_from, valid_to, is_current, version, stage, amount_eur, "
                    + "expected_close_date";
            st.execute("create temp table from_export as select " + columns + " from core.opportunity_history");
            assertThat(count(
                            conn,
                            "select count(*) from core.opportunity_history where history_source <> 'history_export'"))
                    .isZero();
            assertThat(count(conn, "select count(distinct opportunity_id) from from_export"))
                    .isGreaterThan(50);
            assertThat(count(conn, "select count(*) from core.opportunity where status is null"))
                    .isZero();

            // the same night without the stage-history export
            st.execute("delete from raw.crm_opportunity_history");
            SqlScripts.runScript(conn, "sql/consolidate/70_opportunity.sql");

            assertThat(count(conn, "select count(*) from core.opportunity_history where history_source <> 'snapshots'"))
                    .isZero();
            assertThat(count(
                            conn,
                            "select count(*) from (select " + columns + " from core.opportunity_history"
                                    + " except all select * from from_export)"))
                    .isZero();
            assertThat(count(
                            conn,
                            "select count(*) from (select * from from_export except all select " + columns
                                    + " from core.opportunity_history)"))
                    .isZero();
            // backwards moves, reopened deals and amount changes are part of what was compared
            assertThat(count(conn, """
                    select count(*) from (select stage_order < lag(stage_order) over (partition by opportunity_id
                        order by valid_from) and status = 'open' as backwards from core.opportunity_history)
                    where backwards""")).isPositive();
            assertThat(count(conn, """
                    select count(*) from (select status = 'open' and lag(status) over (partition by opportunity_id
                        order by valid_from) = 'lost' as reopened from core.opportunity_history)
                    where reopened""")).isPositive();
        }
    }

    @Test
    void theMarketplaceWinsMostOftenButLosesMoneyAfterCostToServe() throws Exception {
        try (Warehouse warehouse = Warehouse.open(settings.warehouse());
                Connection conn = warehouse.connect();
                Statement st = conn.createStatement();
                ResultSet rs = st.executeQuery("""
                     select channel_code, sum(won_deals) / sum(closed_deals) as win_rate,
                         sum(contribution_eur) as contribution_eur
                     from kpi.pipeline_channel_return
                     where channel_code is not null and cost_to_serve_eur is not null
                     group by channel_code order by channel_code""")) {
            Map<String, double[]> channels = new LinkedHashMap<>();
            while (rs.next()) {
                channels.put(rs.getString(1), new double[] {rs.getDouble(2), rs.getDouble(3)});
            }
            assertThat(channels).containsKey("MARKETPLACE").hasSizeGreaterThan(2);
            double[] marketplace = channels.get("MARKETPLACE");
            assertThat(marketplace[0]).isGreaterThan(0.6);
            assertThat(marketplace[1]).isNegative();
            channels.forEach((channel, figures) -> {
                if (!channel.equals("MARKETPLACE")) {
                    assertThat(figures[0]).as("win rate of %s", channel).isLessThan(marketplace[0]);
                    assertThat(figures[1]).as("contribution of %s", channel).isPositive();
                }
            });
        }
    }

    private static long count(Connection conn, String sql) throws Exception {
        try (Statement st = conn.createStatement();
                ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
