package io.salesbi.dashboards;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Generates the pages from the two-year fixture once per language and reads the HTML as text. Expected values by
 * hand: revenue 2026 = 1200.00 + 734.56 + 300.00 = 2234.56, 2025 = 1800.00, change 434.56 / 1800 = +24.1 %, all of
 * it Maschinenbau; gross margin 974.56 against 750.00 (+29.9 %), E-Shop moved most (334.56 - 200.00 = +134.56);
 * contribution 544.56 against 370.00 (+47.2 %); market share 2234.56 / 20000 = 11.2 % against 1800 / 21000 = 8.6 %
 * (+2.6 pp), Maschinenbau 12.9 % against 10.0 % (+2.9 pp); price realization 2234.56 / 2660 = 84.0 % against
 * 1800 / 2200 = 81.8 % (+2.2 pp), field sales 80.6 % against 78.8 % (+1.9 pp); customers C0000003 lost, C0000004 won.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DashboardGeneratorTest {

    private static final List<String> PAGES = List.of(
            "index.html",
            "market-share.html",
            "channels.html",
            "plan-vs-actual.html",
            "customers.html",
            "customer.html",
            "buying-center.html",
            "survey.html",
            "data-quality.html",
            "pipeline.html");

    private Path out;
    private List<Path> germanFiles;

    @BeforeAll
    void generateBothLanguages(@TempDir Path dir) throws Exception {
        out = dir;
        try (Connection conn = KpiFixture.open(KpiFixture.TWO_YEARS)) {
            germanFiles = new DashboardGenerator(settings("de", Locale.GERMAN)).generate(conn);
            new DashboardGenerator(settings("en", Locale.ENGLISH)).generate(conn);
        }
    }

    private DashboardSettings settings(String folder, Locale locale) {
        return new DashboardSettings(out.resolve(folder), locale, KpiFixture.GENERATED_AT);
    }

    private String page(String folder, String page) throws Exception {
        return Files.readString(out.resolve(folder).resolve(page), StandardCharsets.UTF_8);
    }

    @Test
    void writesSixPagesWithTheOverviewAsIndex() {
        assertThat(germanFiles).extracting(p -> p.getFileName().toString()).containsExactlyElementsOf(PAGES);
    }

    @Test
    void overviewShowsHeadlinesInGermanFormats() throws Exception {
        String html = page("de", "index.html");

        assertThat(html).contains("<html lang=\"de\">");
        assertThat(html).contains("title=\"2.234,56 €\">2,2 T€<", ">+24,1 %<");
        assertThat(html)
                .contains("Umsatz stieg gegenüber 2025 um 24,1 %. Am stärksten bewegt: Maschinenbau (+434,56 €).");
        assertThat(html).contains("title=\"974,56 €\">975 €<", ">+29,9 %<", "Am stärksten bewegt: E-Shop (+134,56 €).");
        assertThat(html).contains("title=\"544,56 €\">545 €<", ">+47,2 %<", "Am stärksten bewegt: E-Shop (+114,56 €).");
        assertThat(html)
                .contains(
                        ">11,2 %<",
                        ">+2,6 PP<",
                        "Marktanteil stieg gegenüber 2025 um 2,6 PP. Am stärksten bewegt: Maschinenbau (+2,9 PP).");
        assertThat(html).contains(">84,0 %<", ">+2,2 PP<", "Am stärksten bewegt: Außendienst (+1,9 PP).");
        assertThat(html).contains(">3<", "Kunden gewonnen: 1, verloren: 1 (gegenüber 2025).");
        assertThat(html).contains("Stand: 26.11.2026 06:30 UTC");
    }

    @Test
    void overviewShowsHeadlinesInEnglishFormats() throws Exception {
        String html = page("en", "index.html");

        assertThat(html).contains("<html lang=\"en\">");
        assertThat(html).contains("title=\"€2,234.56\">€2.2k<", ">+24.1%<");
        assertThat(html)
                .contains("Net revenue rose by 24.1% against 2025. Biggest mover: Mechanical engineering (+€434.56).");
        assertThat(html).contains(">11.2%<", ">+2.6 pp<", "Biggest mover: Field sales (+1.9 pp).");
        assertThat(html).contains("As of 2026-11-26 06:30 UTC");
        // reference data in English: the filter shows the label, the URL keeps the warehouse's value
        assertThat(html)
                .contains(
                        "<option value=\"Nord\">North</option>",
                        "<option value=\"Süd\">South</option>",
                        "<option value=\"Maschinenbau\">Mechanical engineering</option>",
                        "<option value=\"Chemie\">Chemicals</option>");
    }

    @Test
    void everyPageIsSelfContained() throws Exception {
        for (String page : PAGES) {
            String html = page("de", page);
            assertThat(html).as(page).contains("echarts").contains("id=\"page-data\"");
            assertThat(html).as(page).contains("script-src &#39;sha256-");
            String markup = html.replaceAll("(?s)(<script[^>]*>).*?</script>", "$1</script>");
            assertThat(markup).as(page).doesNotContainPattern("(?i)<(script|link|img|iframe)[^>]+(src|href)=");
            assertThat(markup).as(page).contains("<script>", "<script type=\"application/json\" id=\"page-data\">");
            assertThat(html).as(page).doesNotContain("??");
        }
    }

    @Test
    void pipelinePageInBothLocalesWithItsFiltersAndEscapedRepNames() throws Exception {
        String german = page("de", "pipeline.html");
        assertThat(german)
                .contains(
                        "<h1>Vertriebspipeline</h1>",
                        "Ruhende Deals",
                        "Unbearbeitetes Potenzial",
                        "id=\"filter-year\"",
                        "id=\"filter-region\"",
                        "id=\"filter-channel\"",
                        "<option value=\"2025\"",
                        "<option value=\"WEB_SHOP\">E-Shop</option>");
        assertThat(german).doesNotContain("id=\"filter-segment\"", "<b>Rep</b>");
        assertThat(german).contains("\\u003Cb\\u003ERep\\u003C/b\\u003E");
        assertThat(page("en", "pipeline.html"))
                .contains("<h1>Sales pipeline</h1>", "Stalled deals", "Potential not worked");
        for (String page : PAGES) {
            assertThat(page("de", page)).as(page).contains("<a href=\"pipeline.html\"");
        }
    }

    @Test
    void hostileValuesAreEscaped() throws Exception {
        String customers = page("de", "customers.html");
        assertThat(customers).doesNotContain("<script>alert(1)</script>", "<img src=x onerror=alert(1)>");
        assertThat(customers).contains("\\u003Cscript\\u003Ealert(1)\\u003C/script\\u003E");
        assertThat(customers).contains("\\\"\\u003E\\u003Cimg src=x onerror=alert(1)\\u003E");

        String journey = page("de", "buying-center.html");
        assertThat(journey).contains("<option value=\"&lt;b&gt;Messe&lt;/b&gt;\">&lt;b&gt;Messe&lt;/b&gt;</option>");
        assertThat(journey).doesNotContain("<b>Messe</b>");
    }

    @Test
    void surveyPageFiltersByWaveNewestFirstAndByRoleWithoutThePooledRole() throws Exception {
        String html = page("de", "survey.html");

        assertThat(html)
                .contains(
                        "<h1>Standortbestimmung</h1>",
                        "<option value=\"2026\" selected=\"selected\">2026</option>",
                        "<option value=\"2025\">2025</option>",
                        "<option value=\"customer_partner\">Kunden/Partner</option>",
                        "<option value=\"self\">Selbstbild</option>");
        assertThat(html.indexOf("value=\"2026\"")).isLessThan(html.indexOf("value=\"2025\""));
        assertThat(html).doesNotContain("<option value=\"all\"");
        assertThat(html.substring(html.indexOf("id=\"filter-wave\""), html.indexOf("id=\"filter-role\"")))
                .doesNotContain("Alle");
        assertThat(page("en", "survey.html")).contains("<h1>Self-assessment</h1>", ">Customers/partners</option>");
        for (String page : PAGES) {
            assertThat(page("de", page)).as(page).contains("<a href=\"survey.html\"");
        }
    }

    @Test
    void dataQualityPageShowsTheLastRun() throws Exception {
        String html = page("de", "data-quality.html");

        // freshness from the newest file's date (25.11.), not from the load 4,5 hours before the pages: a day old
        assertThat(html).contains(">1.234<", ">234<", ">26.11.2026 02:00 UTC<");
        assertThat(html)
                .contains(
                        "Datenstand (neueste Quelldatei)</span>:\n                <span class=\"data-date\">25.11.2026</span>",
                        "<span class=\"data-age\">1 Tag</span>");
        assertThat(html).doesNotContain("4,5 Std.");
        assertThat(html).contains("Zusammengeführte Dubletten");
        // C0000004's wallet estimate 2026 (200,00 €) is below its revenue (300,00 €): one customer-year, a warning
        assertThat(html)
                .containsPattern("<article class=\"kpi-card warning\" data-figure=\"wallets_below_revenue\">\\s*"
                        + "<h2 class=\"kpi-label\">Kundenjahre mit Wallet-Schätzung unter Umsatz</h2>\\s*"
                        + "<p class=\"kpi-value\">1</p>");
        assertThat(page("en", "data-quality.html")).contains("Customer-years with wallet estimate below revenue");
        assertThat(page("en", "data-quality.html"))
                .contains(">1,234<", ">2026-11-26 02:00 UTC<", ">2026-11-25<", "<span class=\"data-age\">1 day</span>");
    }

    @Test
    void withoutADatedFileTheAgeCountsFromTheLastLoad() throws Exception {
        try (Connection conn = KpiFixture.open(KpiFixture.TWO_YEARS);
                Statement statement = conn.createStatement()) {
            statement.execute("update kpi.dq_summary set newest_file_date = null");
            new DashboardGenerator(settings("undated", Locale.GERMAN)).generate(conn);
        }
        String html = page("undated", "data-quality.html");

        assertThat(html).contains("<span class=\"data-age\">4,5 Std.</span>").doesNotContain("class=\"data-date\"");
    }

    @Test
    void emptyViewsStillGiveEveryPage() throws Exception {
        try (Connection conn = KpiFixture.open(KpiFixture.TWO_YEARS);
                Statement statement = conn.createStatement()) {
            for (String table : List.of(
                    "sales_cube",
                    "market_share",
                    "channel_pnl_year",
                    "price_realization",
                    "channel_mix",
                    "customer_value",
                    "cross_sell_gap",
                    "buying_center",
                    "touchpoints",
                    "dq_quarantine",
                    "dq_file_load",
                    "dq_summary",
                    "plan_vs_actual")) {
                statement.execute("delete from kpi." + table);
            }
            List<Path> files = new DashboardGenerator(settings("empty", Locale.GERMAN)).generate(conn);

            assertThat(files).hasSize(10);
            assertThat(page("empty", "data-quality.html")).contains("Noch kein Lauf: kpi.dq_summary ist leer.");
        }
    }

    @Test
    void missingViewFailsWithItsName() throws Exception {
        try (Connection conn = KpiFixture.open(KpiFixture.TWO_YEARS);
                Statement statement = conn.createStatement()) {
            statement.execute("drop table kpi.touchpoints");

            assertThatThrownBy(() -> new DashboardGenerator(settings("broken", Locale.GERMAN)).generate(conn))
                    .hasMessageContaining("kpi.touchpoints");
        }
    }

    @Test
    void partialLastYearIsLabelledAndNotPreselected() throws Exception {
        try (Connection conn = KpiFixture.open(KpiFixture.TWO_YEARS)) {
            KpiFixture.makeTheLastYearPartial(conn);
            new DashboardGenerator(settings("partial", Locale.GERMAN)).generate(conn);
        }
        String html = page("partial", "index.html");

        assertThat(html)
                .contains(
                        "<option value=\"2026\">2026 (Jan.–Nov.)</option>",
                        "<option value=\"2025\" selected=\"selected\">2025</option>");
        assertThat(html).contains("title=\"1.800,00 €\">1,8 T€<", "Kein Vorjahr zum Vergleich.");
    }

    /** A page's visible text: the text between tags, without style, scripts (ECharts, page data) and attributes. */
    private static String markup(String html) {
        String body = html.replaceAll("(?s)<(script|style)[^>]*>.*?</\\1>", "");
        StringBuilder text = new StringBuilder();
        java.util.regex.Matcher between =
                java.util.regex.Pattern.compile(">([^<]+)<").matcher(body);
        while (between.find()) {
            text.append(between.group(1)).append('\n');
        }
        return text.toString();
    }

    @Test
    void everyContributionFigureHasItsOwnNameOnEveryPageAndInBothLanguages() throws Exception {
        // three definitions, three names: DB I (revenue - cost of goods), DB II (after cost to serve, per customer)
        // and the channel contribution (after channel costs); a bare "Deckungsbeitrag" would hide which one
        java.util.regex.Pattern bareGerman = java.util.regex.Pattern.compile("(?<!Kanal-)Deckungsbeitrag(?! II?\\b)");
        java.util.regex.Pattern bareEnglish = java.util.regex.Pattern.compile(
                "(?i)(?<!channel )contribution(?! II?\\b| \\((before|after) cost to serve\\))|contribution margin");
        for (String page : PAGES) {
            assertThat(markup(page("de", page))).as(page).doesNotContainPattern(bareGerman.pattern());
            assertThat(markup(page("en", page))).as(page).doesNotContainPattern(bareEnglish.pattern());
        }
        assertThat(new Messages(Locale.GERMAN).all().values())
                .noneMatch(text -> bareGerman.matcher(text).find());
        assertThat(new Messages(Locale.ENGLISH).all().values())
                .noneMatch(text -> bareEnglish.matcher(text).find());

        String overview = page("de", "index.html");
        assertThat(overview)
                .contains(
                        "<h2 class=\"kpi-label\">Deckungsbeitrag I</h2>",
                        "<h2 class=\"kpi-label\">Kanal-Deckungsbeitrag</h2>",
                        "Deckungsbeitrag I = Umsatz − Wareneinsatz (Menge × Standardkosten), vor Kanal- und Betreuungskosten",
                        "Deckungsbeitrag II = Deckungsbeitrag I − Betreuungskosten des Kunden",
                        "Kanal-Deckungsbeitrag = Deckungsbeitrag I − direkte und umgelegte Kanalkosten");
        for (String page : List.of("index.html", "channels.html", "customers.html")) {
            assertThat(page("de", page)).as(page).contains("<ul class=\"note definitions\">");
            assertThat(page("en", page))
                    .as(page)
                    .contains(
                            "Contribution I (before cost to serve) = revenue − cost of goods",
                            "Contribution II (after cost to serve) = contribution I − the customer&#39;s cost to serve");
        }
        assertThat(page("en", "index.html"))
                .contains(
                        "<h2 class=\"kpi-label\">Contribution I</h2>",
                        "<h2 class=\"kpi-label\">Channel contribution</h2>");
    }

    @Test
    void marginsWithoutStandardCostReadNotAvailableNeverZero() throws Exception {
        try (Connection conn = KpiFixture.open(KpiFixture.TWO_YEARS);
                Statement statement = conn.createStatement()) {
            KpiFixture.removeTheWebShopsStandardCost2026(conn);
            new DashboardGenerator(settings("no-cost-de", Locale.GERMAN)).generate(conn);
            new DashboardGenerator(settings("no-cost-en", Locale.ENGLISH)).generate(conn);
        }
        String html = page("no-cost-de", "index.html");

        assertThat(html)
                .containsPattern("data-kpi=\"grossMargin\">\\s*<h2 class=\"kpi-label\">Deckungsbeitrag I</h2>\\s*"
                        + "<p class=\"kpi-value\" title=\"k. A.\">k. A.</p>");
        assertThat(html)
                .containsPattern("data-kpi=\"contribution\">\\s*<h2 class=\"kpi-label\">Kanal-Deckungsbeitrag</h2>\\s*"
                        + "<p class=\"kpi-value\" title=\"k. A.\">k. A.</p>");
        assertThat(html).contains("Nicht verfügbar: Produkte ohne Standardkosten im Jahr.");
        // revenue is unaffected: 2.234,56 €
        assertThat(html).contains("title=\"2.234,56 €\">2,2 T€<");
        assertThat(page("no-cost-en", "index.html")).containsPattern("<p class=\"kpi-value\" title=\"n/a\">n/a</p>");
    }

    private static List<Headline> headlines(Connection conn, int year) throws Exception {
        KpiQueries kpi = new KpiQueries(conn);
        return new Headlines(
                        kpi,
                        Formats.of(Locale.GERMAN),
                        new Messages(Locale.GERMAN),
                        java.util.Map.of("FIELD_SALES", "Außendienst", "WEB_SHOP", "E-Shop"),
                        YearCoverage.of(kpi.get("months")),
                        Locale.GERMAN)
                .forYear(year);
    }

    private static Headline headline(List<Headline> headlines, String key) {
        return headlines.stream().filter(h -> h.key().equals(key)).findFirst().orElseThrow();
    }

    @Test
    void partialYearIsComparedWithTheSameMonthsOfTheYearBefore() throws Exception {
        try (Connection conn = KpiFixture.open(KpiFixture.TWO_YEARS)) {
            KpiFixture.makeTheLastYearPartial(conn);

            List<Headline> headlines = headlines(conn, 2026);

            // revenue 2026 (Jan.–Nov.) 2234.56 against Jan.–Nov. 2025 1100.00 (not the full 2025): +103.1 %,
            // Maschinenbau 1934.56 - 1100.00 = +834.56
            assertThat(headline(headlines, "revenue"))
                    .isEqualTo(new Headline(
                            "revenue",
                            "Umsatz",
                            "2,2 T€",
                            "+103,1 %",
                            "up",
                            "Umsatz stieg gegenüber Jan.–Nov. 2025 um 103,1 %. "
                                    + "Am stärksten bewegt: Maschinenbau (+834,56 €).",
                            "2.234,56 €"));
            // DB I 974.56 against 1100.00 - 660.00 = 440.00: +121.5 %
            assertThat(headline(headlines, "grossMargin").change()).isEqualTo("+121,5 %");
            // channel contribution 544.56 against field sales' Jan.–Nov. 2025 11 x 35.00 = 385.00: +41.4 %
            assertThat(headline(headlines, "contribution").change()).isEqualTo("+41,4 %");
            assertThat(headline(headlines, "contribution").sentence())
                    .startsWith("Kanal-Deckungsbeitrag stieg gegenüber Jan.–Nov. 2025 um 41,4 %.");
            // price realization 2234.56 / 2660.00 = 84.0 % against 1100 / 1375 = 80.0 %: +4.0 PP
            assertThat(headline(headlines, "priceRealization").change()).isEqualTo("+4,0 PP");
            // market share and customers are kept per year: compared with 2025 as a whole, and said so
            assertThat(headline(headlines, "marketShare").sentence()).endsWith("Achtung: Teiljahr im Vergleich.");
            assertThat(headline(headlines, "activeCustomers").sentence()).endsWith("Achtung: Teiljahr im Vergleich.");
        }
    }

    @Test
    void yearOfCreditNotesOnlyIsLabelledNeverPreselectedAndNeverShowsMinus100Percent() throws Exception {
        try (Connection conn = KpiFixture.open(KpiFixture.TWO_YEARS)) {
            KpiFixture.addAYearOfCreditNotesOnly(conn);
            new DashboardGenerator(settings("credit-notes", Locale.GERMAN)).generate(conn);
            new DashboardGenerator(settings("credit-notes-en", Locale.ENGLISH)).generate(conn);

            List<Headline> headlines = headlines(conn, 2027);

            assertThat(headline(headlines, "revenue"))
                    .isEqualTo(new Headline(
                            "revenue",
                            "Umsatz",
                            "-50 €",
                            "–",
                            "flat",
                            "Nur Gutschriften, keine Aufträge: kein Vergleich mit dem Vorjahr.",
                            "-50,00 €"));
            assertThat(headlines).extracting(Headline::change).containsOnly("–");
        }
        String html = page("credit-notes", "index.html");
        assertThat(html)
                .contains(
                        "<option value=\"2027\">2027 (nur Gutschriften)</option>",
                        "<option value=\"2026\" selected=\"selected\">2026</option>");
        assertThat(markup(html)).doesNotContain("-100");
        assertThat(page("credit-notes-en", "index.html"))
                .contains("<option value=\"2027\">2027 (credit notes only)</option>");
    }

    @Test
    void kpiWithoutDataForTheYearSaysSo() throws Exception {
        try (Connection conn = KpiFixture.open(KpiFixture.TWO_YEARS);
                Statement statement = conn.createStatement()) {
            statement.execute("delete from kpi.market_share where year = 2026");
            new DashboardGenerator(settings("no-market-2026", Locale.GERMAN)).generate(conn);
        }

        assertThat(page("no-market-2026", "index.html"))
                .contains("Keine Daten für 2026.", "title=\"2.234,56 €\">2,2 T€<");
    }

    @Test
    void sameWarehouseGivesByteIdenticalPages() throws Exception {
        try (Connection conn = KpiFixture.open(KpiFixture.TWO_YEARS)) {
            new DashboardGenerator(settings("again", Locale.GERMAN)).generate(conn);
        }

        for (String page : PAGES) {
            assertThat(page("again", page)).as(page).isEqualTo(page("de", page));
        }
    }

    @Test
    void unsupportedLocaleFailsFast() {
        assertThatThrownBy(() -> new DashboardSettings(out, Locale.FRENCH, null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("fr");
        assertThat(new DashboardSettings(out, null, null).locale()).isEqualTo(Locale.GERMAN);
    }
}
