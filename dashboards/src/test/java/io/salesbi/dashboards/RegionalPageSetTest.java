package io.salesbi.dashboards;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.salesbi.sql.RegionScope;
import io.salesbi.sql.RowPolicies;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The regional page sets on the two-region fixture: Nord holds C0000001 (Müller), C0000003 and C0000004; Süd holds
 * C0000002 (named {@code <script>alert(1)</script>}, CRM account A-2 in München, stalled deal OPP-1). Every file of
 * a region's set is searched for the other region's customers, in every form a page writes a name (as is, in the
 * page's JSON with {@code <>&'} escaped, HTML-escaped), and for its own.
 */
class RegionalPageSetTest {

    private static final RowPolicies POLICIES = RowPolicies.warehouse();
    private static final RegionScope NORD = RegionScope.of(Set.of("Nord"));
    private static final RegionScope SUED = RegionScope.of(Set.of("Süd"));

    /** What only Süd's customer C0000002 leaves on a page. */
    private static final List<String> SUED_TRACES =
            List.of("C0000002", "<script>alert(1)</script>", "OPP-1", "München", "\"A-2\"");

    /** What only Nord's customers leave on a page. */
    private static final List<String> NORD_TRACES =
            List.of("C0000001", "C0000003", "C0000004", "Müller Maschinenbau GmbH", "Kundenliste_Huber/12");

    @TempDir
    Path out;

    @Test
    void aRegionsPageSetHoldsItsOwnCustomersAndNoneOfTheOtherRegionInBothLocales() throws Exception {
        try (Connection conn = fixture()) {
            // when
            for (Locale locale : List.of(Locale.GERMAN, Locale.ENGLISH)) {
                Path dir = out.resolve(locale.getLanguage());
                List<Path> written = generator(dir, locale).generateRegional(conn, List.of(NORD, SUED), POLICIES);

                // then one full set per region, in its own folder
                assertThat(written).hasSize(2 * Page.values().length);
                Path nord = dir.resolve("regions/nord");
                Path sued = dir.resolve("regions/sued");
                assertThat(files(nord)).hasSize(Page.values().length);
                assertThat(files(sued)).hasSize(Page.values().length);
                for (Path file : files(nord)) {
                    String page = Files.readString(file, StandardCharsets.UTF_8);
                    for (String trace : SUED_TRACES) {
                        assertThat(forms(trace)).as("%s in %s", trace, file).noneMatch(page::contains);
                    }
                }
                String nordPages = allOf(nord);
                for (String trace : NORD_TRACES) {
                    assertThat(forms(trace)).as("%s in Nord's set", trace).anyMatch(nordPages::contains);
                }
                for (Path file : files(sued)) {
                    String page = Files.readString(file, StandardCharsets.UTF_8);
                    for (String trace : NORD_TRACES) {
                        assertThat(forms(trace)).as("%s in %s", trace, file).noneMatch(page::contains);
                    }
                }
                String suedPages = allOf(sued);
                assertThat(forms("C0000002")).anyMatch(suedPages::contains);
                assertThat(forms("München")).anyMatch(suedPages::contains);
                assertThat(Files.readString(nord.resolve("index.html")))
                        .contains("id=\"region-scope\"")
                        .contains(locale == Locale.GERMAN ? "Regionale Seiten: Nord." : "Regional pages: North.");
            }
        }
    }

    @Test
    void eachDatasetReadsItsRelationsThroughTheirDeclaredPolicy() throws Exception {
        try (Connection conn = fixture()) {
            KpiQueries all = new KpiQueries(conn);
            KpiQueries nord = new KpiQueries(conn, NORD, POLICIES);

            // region(sales_region): kpi.customer_value keeps Nord's customer-years
            assertThat(ids(nord.get("customers"), "id")).containsExactly("C0000001", "C0000003", "C0000004");
            // customer(customer_id) through core.customer_golden: Süd's C0000002 drops out of every one
            assertThat(ids(nord.get("crossSell"), "id")).containsExactly("C0000001");
            assertThat(ids(nord.get("customerContacts"), "id")).containsExactly("C0000001");
            assertThat(ids(nord.get("customerSources"), "id")).containsExactly("C0000001");
            assertThat(ids(nord.get("customerChannels"), "id")).containsExactly("C0000001", "C0000003", "C0000004");
            assertThat(nord.get("migration").rows()).isEmpty();
            assertThat(nord.get("pipelineStalled").rows()).isEmpty();
            assertThat(ids(nord.get("pipelineUnworked"), "id")).containsExactly("C0000003");
            // region(region) of kpi.plan_vs_actual
            assertThat(ids(nord.get("plan"), "region")).containsExactly("Nord");
            // aggregate: shown whole, as over JDBC
            for (String whole : List.of("market", "pnl", "mix", "touchpoints", "quarantine", "summary")) {
                assertThat(nord.get(whole)).as(whole).isEqualTo(all.get(whole));
            }
            // hidden (kpi.dq_file_load) and undeclared (ops.step_run): the columns, no row
            assertThat(all.get("fileLoads").rows()).hasSize(2);
            assertThat(nord.get("fileLoads").rows()).isEmpty();
            assertThat(nord.get("fileLoads").cols())
                    .isEqualTo(all.get("fileLoads").cols());
            assertThat(all.get("steps").rows()).hasSize(2);
            assertThat(nord.get("steps").rows()).isEmpty();

            // and the scoped views are gone once the set is done
            nord.release();
            assertThat(temporaryViews(conn)).isEmpty();
        }
    }

    @Test
    void aManagerOfTwoRegionsGetsOneSetWithBothOpeningOnAllOfThem() throws Exception {
        try (Connection conn = fixture()) {
            RegionScope both = RegionScope.of(Set.of("Süd", "Nord"));

            List<Path> written = generator(out, Locale.GERMAN).generateRegional(conn, List.of(both), POLICIES);

            assertThat(written)
                    .hasSize(Page.values().length)
                    .allSatisfy(page -> assertThat(page).hasParent(out.resolve("regions/nord_sued")));
            String pages = allOf(out.resolve("regions/nord_sued"));
            for (String id : List.of("C0000001", "C0000002", "C0000003", "C0000004")) {
                assertThat(pages).contains(id);
            }
            assertThat(Files.readString(out.resolve("regions/nord_sued/index.html")))
                    .contains("Regionale Seiten: Nord, Süd.")
                    .contains("\"defaultRegion\":\"\"");
        }
    }

    @Test
    void aRegionNoGoldenCustomerIsInGetsNoPageSet() throws Exception {
        try (Connection conn = fixture()) {
            List<Path> written = generator(out, Locale.GERMAN)
                    .generateRegional(conn, List.of(RegionScope.of(Set.of("Nrod"))), POLICIES);

            assertThat(written).isEmpty();
            assertThat(out.resolve("regions/nrod")).doesNotExist();
        }
    }

    @Test
    void anAggregateRelationThatGainedCustomerDetailStopsTheRegionalSets() throws Exception {
        try (Connection conn = fixture()) {
            try (Statement statement = conn.createStatement()) {
                statement.execute("alter table kpi.channel_mix add column customer_id varchar");
            }

            assertThatThrownBy(() -> generator(out, Locale.GERMAN).generateRegional(conn, List.of(NORD), POLICIES))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessage("regional page set for Nord: kpi.channel_mix is not shown to regional managers: row "
                            + "policy aggregate, but it has customer detail (column customer_id) (the JDBC endpoint "
                            + "refuses it too)");
        }
    }

    @Test
    void aQueryReadingAnUnqualifiedRelationIsRefused() throws Exception {
        try (Connection conn = fixture()) {
            RegionalRelations relations =
                    new RegionalRelations(conn, NORD, POLICIES, (schema, relation) -> schema + "." + relation);

            String rewritten = relations.rewrite(
                    "test",
                    "with active as (select * from kpi.customer_value v join core.sales_line l "
                            + "on l.customer_id = v.customer_id) select extract(year from last_order_date) "
                            + "from active a, kpi.cross_sell_gap g where a.sales_region is not distinct from "
                            + "a.industry and g.customer_id in (select customer_id from core.dim_contact)");

            // every relation, also in a comma join and a sub-query, reads its scoped view
            assertThat(rewritten)
                    .isEqualTo("with active as (select * from \"regional:kpi.customer_value\" v join "
                            + "\"regional:core.sales_line\" l on l.customer_id = v.customer_id) select "
                            + "extract(year from last_order_date) from active a, \"regional:kpi.cross_sell_gap\" g "
                            + "where a.sales_region is not distinct from a.industry and g.customer_id in (select "
                            + "customer_id from \"regional:core.dim_contact\")");
            // what no policy can apply to is refused: unqualified, quoted, a table function
            for (String unscoped : List.of(
                    "select * from customer_value",
                    "select * from \"kpi\".\"customer_value\"",
                    "select * from read_csv('/tmp/customers.csv')")) {
                assertThatThrownBy(() -> relations.rewrite("test", unscoped))
                        .as(unscoped)
                        .isInstanceOf(IllegalStateException.class)
                        .hasMessageContaining("which is neither a schema-qualified relation nor one of its CTEs");
            }
            relations.close();
        }
    }

    @Test
    void twoRegionSetsThatWouldShareAFolderAreRefused() throws Exception {
        try (Connection conn = fixture()) {
            assertThatThrownBy(() -> generator(out, Locale.GERMAN)
                            .generateRegional(conn, List.of(SUED, RegionScope.of(Set.of("Sued"))), POLICIES))
                    .hasMessageContaining("would share the folder regions/sued");
        }
    }

    private static Connection fixture() throws Exception {
        Connection conn = KpiFixture.open(KpiFixture.TWO_YEARS);
        KpiFixture.addGoldenCustomers(conn);
        return conn;
    }

    private static DashboardGenerator generator(Path dir, Locale locale) {
        return new DashboardGenerator(new DashboardSettings(dir, locale, KpiFixture.GENERATED_AT));
    }

    /** A text as a page may carry it: as is, in the page's JSON ({@code <>&'} as \\u00XX), HTML-escaped. */
    static List<String> forms(String text) {
        String json = text.replace("\"", "\\\"")
                .replace("<", "\\u003C")
                .replace(">", "\\u003E")
                .replace("&", "\\u0026")
                .replace("'", "\\u0027");
        String html = text.replace("&", "&amp;")
                .replace("<", "&lt;")
                .replace(">", "&gt;")
                .replace("\"", "&quot;");
        List<String> forms = new ArrayList<>(List.of(text, json, json.toLowerCase(Locale.ROOT), html));
        forms.add(html.replace("&quot;", "&#34;"));
        return forms;
    }

    private static List<Path> files(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile).sorted().toList();
        }
    }

    private static String allOf(Path dir) throws IOException {
        StringBuilder all = new StringBuilder();
        for (Path file : files(dir)) {
            all.append(Files.readString(file, StandardCharsets.UTF_8));
        }
        return all.toString();
    }

    private static List<String> ids(DataTable table, String column) {
        TreeSet<String> ids = new TreeSet<>();
        table.distinct(column).forEach(v -> ids.add(String.valueOf(v)));
        return List.copyOf(ids);
    }

    private static List<String> temporaryViews(Connection conn) throws Exception {
        List<String> views = new ArrayList<>();
        try (Statement statement = conn.createStatement();
                ResultSet rows = statement.executeQuery(
                        "select view_name from duckdb_views() where temporary and not internal")) {
            while (rows.next()) {
                views.add(rows.getString(1));
            }
        }
        return views;
    }
}
