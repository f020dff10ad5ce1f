package io.salesbi.sql;

import static io.salesbi.sql.TestWarehouse.rows;
import static io.salesbi.sql.TestWarehouse.single;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The self-assessment KPIs of the fixture {@code survey-two-waves-six-bad-rows.sql}, computed by hand. The valid
 * answers after validation (F1 strategy/customer, F2 management/performance, F3 CRM/customer, F4 information/team):
 * <pre>
 * wave respondent role               F1 F2 F3 F4
 * 2025 S1         self                4  5  4  4   (F1 first delivered as 1, corrected to 4 by load 2)
 * 2025 S2         self                4  4  5  4
 * 2025 K1         customer_partner    2  3  4  2
 * 2025 K2         customer_partner    2  3  5  2
 * 2026 S1         self                5  4  4  5
 * 2026 K1         customer_partner    4  4  3  3
 * 2026 V1         head_of_sales       3  5  3  2
 * </pre>
 * Rejected: X1's unknown role, K2's area Marketing, and all of K2's 2026 answers (score 6, no score, orientation
 * Innovation, no wave). Parameters at their defaults: strong >= 3.5, champions' spread <= 0.75, significant |t| > 2.
 */
class SurveyKpiFixtureTest {

    @TempDir
    static Path dir;

    static Connection conn;

    @BeforeAll
    static void loadFixtureAndValidate() throws Exception {
        conn = TestWarehouse.migrated(dir);
        FixtureWarehouse.load(conn, FixtureWarehouse.SURVEY_TWO_WAVES);
        SqlScripts.runFolder(conn, "validate");
    }

    @AfterAll
    static void close() throws Exception {
        conn.close();
    }

    @Test
    void badAnswersAreQuarantinedWithRuleAndReason() throws Exception {
        assertThat(rows(conn, """
                select source, source_file, row_number, column_name, raw_value, rule
                from quarantine.rejected_row order by source_file, row_number"""))
                .containsExactly(
                        List.of(
                                "survey",
                                "Standortbestimmung_2025.xlsx",
                                "18",
                                "respondent_role",
                                "Geschäftsführung",
                                "survey_answer.unknown_role"),
                        List.of(
                                "survey",
                                "Standortbestimmung_2025.xlsx",
                                "19",
                                "area",
                                "Marketing",
                                "survey_answer.unknown_area"),
                        List.of(
                                "survey",
                                "Standortbestimmung_2026.xlsx",
                                "14",
                                "score",
                                "6",
                                "survey_answer.score_out_of_range"),
                        Arrays.asList(
                                "survey",
                                "Standortbestimmung_2026.xlsx",
                                "15",
                                "score",
                                null,
                                "survey_answer.score_out_of_range"),
                        List.of(
                                "survey",
                                "Standortbestimmung_2026.xlsx",
                                "16",
                                "orientation",
                                "Innovation",
                                "survey_answer.unknown_orientation"),
                        List.of(
                                "survey",
                                "Standortbestimmung_2026.xlsx",
                                "17",
                                "wave",
                                "K2",
                                "survey_answer.missing_key"));
        assertThat(single(conn, "select message from quarantine.rejected_row where row_number = 14"))
                .isEqualTo("respondent K2 of wave 2026 scored question F1 with 6; expected a whole number from 1 to 5");
        assertThat(single(conn, "select message from quarantine.rejected_row where row_number = 18"))
                .isEqualTo(
                        "respondent X1 of wave 2025 has role 'Geschäftsführung'; expected Selbstbild, Vertriebsleitung,"
                                + " Vertriebsmitarbeiter, Andere Abteilung or Kunde/Partner");
    }

    @Test
    void stagingHoldsTheLatestAnswerAsCodes() throws Exception {
        assertThat(single(conn, "select count(*) from staging.survey_answer")).isEqualTo("28");
        assertThat(rows(conn, """
                select respondent_role, area, orientation, score, _source_file, comment from staging.survey_answer
                where wave = '2025' and respondent_id = 'S1' order by question_id"""))
                .containsExactly(
                        Arrays.asList(
                                "self",
                                "sales_strategy",
                                "customer",
                                "4",
                                "Standortbestimmung_2025_korrigiert.xlsx",
                                null),
                        Arrays.asList(
                                "self", "sales_management", "performance", "5", "Standortbestimmung_2025.xlsx", null),
                        Arrays.asList(
                                "self", "customer_relationship", "customer", "4", "Standortbestimmung_2025.xlsx", null),
                        Arrays.asList(
                                "self", "information_management", "team", "4", "Standortbestimmung_2025.xlsx", null));
    }

    @Test
    void areaScoresPerRoleWithChangeSincePreviousWave() throws Exception {
        assertThat(rows(conn, """
                select wave, area, respondents, answers, round(score, 4), prev_wave, round(score_prev_wave, 4),
                    round(score_change, 4)
                from kpi.survey_area_score where respondent_role = 'customer_partner' order by wave, area"""))
                .containsExactly(
                        Arrays.asList("2025", "customer_relationship", "2", "2", "4.5", null, null, null),
                        Arrays.asList("2025", "information_management", "2", "2", "2.0", null, null, null),
                        Arrays.asList("2025", "sales_management", "2", "2", "3.0", null, null, null),
                        Arrays.asList("2025", "sales_strategy", "2", "2", "2.0", null, null, null),
                        // K1 alone in 2026: 3, 3, 4, 4
                        List.of("2026", "customer_relationship", "1", "1", "3.0", "2025", "4.5", "-1.5"),
                        List.of("2026", "information_management", "1", "1", "3.0", "2025", "2.0", "1.0"),
                        List.of("2026", "sales_management", "1", "1", "4.0", "2025", "3.0", "1.0"),
                        List.of("2026", "sales_strategy", "1", "1", "4.0", "2025", "2.0", "2.0"));
        // all 2026 answers to sales management: 4, 4, 5 = 13/3; 2025: 5, 4, 3, 3 = 3.75; change 0.5833
        assertThat(rows(conn, """
                select respondents, round(score, 4), round(score_change, 4) from kpi.survey_area_score
                where wave = '2026' and respondent_role = 'all' and area = 'sales_management'""")).containsExactly(List.of("3", "4.3333", "0.5833"));
        assertThat(single(conn, "select count(*) from kpi.survey_area_score")).isEqualTo("28"); // (3 + 4) x 4 areas
    }

    @Test
    void profileTypeFollowsTheDocumentedRule() throws Exception {
        assertThat(rows(conn, """
                select wave, respondent_role, round(sales_strategy, 4), round(sales_management, 4),
                    round(customer_relationship, 4), round(information_management, 4), round(spread, 4), profile_type,
                    answers, profile_type_prev_wave
                from kpi.survey_profile order by wave, respondent_role"""))
                .containsExactly(
                        // planning (2 + 2) / 2 = 2 < execution 3.75; M 3.75 < C 4.5
                        Arrays.asList("2025", "all", "3.0", "3.75", "4.5", "3.0", "1.5", "activists", "16", null),
                        Arrays.asList(
                                "2025", "customer_partner", "2.0", "3.0", "4.5", "2.0", "2.5", "activists", "8", null),
                        // all four >= 3.5, spread 0.5 <= 0.75
                        Arrays.asList("2025", "self", "4.0", "4.5", "4.5", "4.0", "0.5", "champions", "8", null),
                        // planning (4 + 10/3) / 2 = 3.67 < execution (13/3 + 10/3) / 2 = 3.83; M >= C
                        List.of("2026", "all", "4.0", "4.3333", "3.3333", "3.3333", "1.0", "doers", "12", "activists"),
                        // planning 3.5 = execution 3.5 is no paper tiger; M 4 >= C 3
                        List.of(
                                "2026",
                                "customer_partner",
                                "4.0",
                                "4.0",
                                "3.0",
                                "3.0",
                                "1.0",
                                "doers",
                                "4",
                                "activists"),
                        Arrays.asList("2026", "head_of_sales", "3.0", "5.0", "3.0", "2.0", "3.0", "doers", "4", null),
                        // all >= 3.5 but spread 1 > 0.75; planning 5 > execution 4
                        List.of("2026", "self", "5.0", "4.0", "4.0", "5.0", "1.0", "paper_tigers", "4", "champions"));
    }

    @Test
    void gapBetweenSelfImageAndEachExternalImageWithWelchT() throws Exception {
        assertThat(rows(conn, """
                select wave, external_role, orientation, round(self_score, 4), self_answers, round(external_score, 4),
                    external_answers, round(gap, 4), round(t_value, 4), significant
                from kpi.survey_gap order by wave, external_role, orientation"""))
                .containsExactly(
                        // self 4, 4, 4, 5: mean 4.25, variance (4 x 73 - 17²) / 12 = 0.25; customers 2, 4, 2, 5: mean
                        // 3.25, variance (4 x 49 - 13²) / 12 = 2.25; t = 1 / sqrt(0.25 / 4 + 2.25 / 4) = 1.2649
                        List.of(
                                "2025",
                                "customer_partner",
                                "customer",
                                "4.25",
                                "4",
                                "3.25",
                                "4",
                                "1.0",
                                "1.2649",
                                "false"),
                        // self 5, 4: variance 0.5; customers 3, 3: variance 0; t = 1.5 / sqrt(0.5 / 2) = 3
                        List.of(
                                "2025",
                                "customer_partner",
                                "performance",
                                "4.5",
                                "2",
                                "3.0",
                                "2",
                                "1.5",
                                "3.0",
                                "true"),
                        // no variance on either side: no t
                        Arrays.asList("2025", "customer_partner", "team", "4.0", "2", "2.0", "2", "2.0", null, "false"),
                        // self 5, 4 against customer 4, 3: t = 1 / sqrt(0.25 + 0.25) = 1.4142
                        List.of(
                                "2026",
                                "customer_partner",
                                "customer",
                                "4.5",
                                "2",
                                "3.5",
                                "2",
                                "1.0",
                                "1.4142",
                                "false"),
                        Arrays.asList(
                                "2026",
                                "customer_partner",
                                "performance",
                                "4.0",
                                "1",
                                "4.0",
                                "1",
                                "0.0",
                                null,
                                "false"),
                        Arrays.asList("2026", "customer_partner", "team", "5.0", "1", "3.0", "1", "2.0", null, "false"),
                        // head of sales 3, 3: t = 1.5 / sqrt(0.5 / 2) = 3
                        List.of("2026", "head_of_sales", "customer", "4.5", "2", "3.0", "2", "1.5", "3.0", "true"),
                        Arrays.asList(
                                "2026", "head_of_sales", "performance", "4.0", "1", "5.0", "1", "-1.0", null, "false"),
                        Arrays.asList("2026", "head_of_sales", "team", "5.0", "1", "2.0", "1", "3.0", null, "false"));
    }

    @Test
    void positionOfSelfImageAgainstTheExternalImageOfAllOtherRoles() throws Exception {
        assertThat(rows(conn, """
                select wave, dimension_kind, dimension, round(self_score, 4), self_answers, round(external_score, 4),
                    external_answers, round(gap, 4), strong_min_score, quadrant
                from kpi.survey_position where external_role = 'all' order by wave, dimension_kind, dimension"""))
                .containsExactly(
                        // 2025: the external image is the customers' K1 and K2 alone; CRM: self 4, 5, customers 4, 5
                        List.of(
                                "2025",
                                "area",
                                "customer_relationship",
                                "4.5",
                                "2",
                                "4.5",
                                "2",
                                "0.0",
                                "3.5",
                                "confirmed_strength"),
                        List.of(
                                "2025",
                                "area",
                                "information_management",
                                "4.0",
                                "2",
                                "2.0",
                                "2",
                                "2.0",
                                "3.5",
                                "blind_spot"),
                        List.of("2025", "area", "sales_management", "4.5", "2", "3.0", "2", "1.5", "3.5", "blind_spot"),
                        List.of("2025", "area", "sales_strategy", "4.0", "2", "2.0", "2", "2.0", "3.5", "blind_spot"),
                        // F1 and F3: self 4, 4, 4, 5 = 4.25; customers 2, 4, 2, 5 = 3.25
                        List.of(
                                "2025",
                                "orientation",
                                "customer",
                                "4.25",
                                "4",
                                "3.25",
                                "4",
                                "1.0",
                                "3.5",
                                "blind_spot"),
                        List.of(
                                "2025",
                                "orientation",
                                "performance",
                                "4.5",
                                "2",
                                "3.0",
                                "2",
                                "1.5",
                                "3.5",
                                "blind_spot"),
                        List.of("2025", "orientation", "team", "4.0", "2", "2.0", "2", "2.0", "3.5", "blind_spot"),
                        // 2026: K1 and V1 pooled; CRM: self 4 against 3, 3
                        List.of(
                                "2026",
                                "area",
                                "customer_relationship",
                                "4.0",
                                "1",
                                "3.0",
                                "2",
                                "1.0",
                                "3.5",
                                "blind_spot"),
                        List.of(
                                "2026",
                                "area",
                                "information_management",
                                "5.0",
                                "1",
                                "2.5",
                                "2",
                                "2.5",
                                "3.5",
                                "blind_spot"),
                        // self 4 against 4, 5 = 4.5: both strong although the others see more
                        List.of(
                                "2026",
                                "area",
                                "sales_management",
                                "4.0",
                                "1",
                                "4.5",
                                "2",
                                "-0.5",
                                "3.5",
                                "confirmed_strength"),
                        // 4, 3 = 3.5: a mean just at the bar counts as strong
                        List.of(
                                "2026",
                                "area",
                                "sales_strategy",
                                "5.0",
                                "1",
                                "3.5",
                                "2",
                                "1.5",
                                "3.5",
                                "confirmed_strength"),
                        // self 5, 4 = 4.5 against K1 4, 3 and V1 3, 3 = 3.25
                        List.of(
                                "2026",
                                "orientation",
                                "customer",
                                "4.5",
                                "2",
                                "3.25",
                                "4",
                                "1.25",
                                "3.5",
                                "blind_spot"),
                        List.of(
                                "2026",
                                "orientation",
                                "performance",
                                "4.0",
                                "1",
                                "4.5",
                                "2",
                                "-0.5",
                                "3.5",
                                "confirmed_strength"),
                        List.of("2026", "orientation", "team", "5.0", "1", "2.5", "2", "2.5", "3.5", "blind_spot"));
        // 2025: all and customer_partner; 2026: all, customer_partner and head_of_sales; 4 areas + 3 orientations each
        assertThat(single(conn, "select count(*) from kpi.survey_position")).isEqualTo("35");
        assertThat(rows(conn, """
                select round(external_score, 4), external_answers from kpi.survey_position
                where wave = '2026' and external_role = 'customer_partner' and dimension = 'customer'""")).containsExactly(List.of("3.5", "2"));
    }

    @Test
    void positionQuadrantsFollowTheStrongScoreParameter() throws Exception {
        TestWarehouse.execute(conn, "update ops.parameter set value = '4.6' where name = 'survey_strong_min_score'");
        try {
            // the head of sales V1 in 2026 (3, 5, 3, 2) against self S1 (5, 4, 4, 5), strong from 4.6
            assertThat(rows(conn, """
                    select dimension, round(self_score, 4), round(external_score, 4), quadrant
                    from kpi.survey_position where wave = '2026' and external_role = 'head_of_sales'
                    order by dimension_kind, dimension"""))
                    .containsExactly(
                            List.of("customer_relationship", "4.0", "3.0", "confirmed_weakness"),
                            List.of("information_management", "5.0", "2.0", "blind_spot"),
                            List.of("sales_management", "4.0", "5.0", "hidden_strength"),
                            List.of("sales_strategy", "5.0", "3.0", "blind_spot"),
                            List.of("customer", "4.5", "3.0", "confirmed_weakness"),
                            List.of("performance", "4.0", "5.0", "hidden_strength"),
                            List.of("team", "5.0", "2.0", "blind_spot"));
        } finally {
            TestWarehouse.execute(
                    conn, "update ops.parameter set value = '3.5' where name = 'survey_strong_min_score'");
        }
    }

    @Test
    void thresholdsComeFromTheParameters() throws Exception {
        TestWarehouse.execute(
                conn,
                "update ops.parameter set value = '1.1' where name = 'survey_champion_max_spread'",
                "update ops.parameter set value = '1' where name = 'survey_gap_min_t'");
        try {
            assertThat(rows(conn, """
                    select profile_type, strong_min_score, champion_max_spread from kpi.survey_profile
                    where wave = '2026' and respondent_role = 'self'""")).containsExactly(List.of("champions", "3.5", "1.1"));
            assertThat(single(conn, """
                    select significant from kpi.survey_gap
                    where wave = '2025' and external_role = 'customer_partner' and orientation = 'customer'""")).isEqualTo("true");
        } finally {
            TestWarehouse.execute(
                    conn,
                    "update ops.parameter set value = '0.75' where name = 'survey_champion_max_spread'",
                    "update ops.parameter set value = '2' where name = 'survey_gap_min_t'");
        }
    }
}
