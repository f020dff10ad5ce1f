package io.salesbi.pipeline.serve;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * What one region's customers leave on a page, and what the other regions' customers would: customer ids
 * ({@code C} and seven digits) and company names, read from the warehouse after a night. A customer is the region's
 * when a golden record or a customer-value row puts it there; every other golden customer is another region's. An
 * other region's name that also occurs inside a text the region's own customers show (their golden, source-record
 * or deal names) is left out of the search, since finding it would prove nothing.
 */
final class RegionalTraces {

    private static final Pattern CUSTOMER_ID = Pattern.compile("\\bC\\d{7}\\b");
    private static final int PAGES_PER_SET = 10;

    private final String region;
    private final Set<String> ownIds;
    private final Set<String> otherIds;
    private final List<String> otherNames;

    private RegionalTraces(String region, Set<String> ownIds, Set<String> otherIds, List<String> otherNames) {
        this.region = region;
        this.ownIds = ownIds;
        this.otherIds = otherIds;
        this.otherNames = otherNames;
    }

    static RegionalTraces of(Connection conn, String region) throws SQLException {
        Set<String> own = strings(conn, """
                select customer_id from core.customer_golden where sales_region = $1
                union select customer_id from kpi.customer_value where sales_region = $1""", region);
        Set<String> other = strings(conn, """
                select customer_id from core.customer_golden
                except (select customer_id from core.customer_golden where sales_region = $1
                        union select customer_id from kpi.customer_value where sales_region = $1)""", region);
        Set<String> ownTexts = strings(conn, """
                with own as (
                    select customer_id from core.customer_golden where sales_region = $1
                    union select customer_id from kpi.customer_value where sales_region = $1
                )
                select company_name from core.customer_golden where customer_id in (select customer_id from own)
                union select company_name from kpi.customer_sources where customer_id in (select customer_id from own)
                union select company_name from kpi.customer_value where customer_id in (select customer_id from own)
                union select company_name from kpi.pipeline_stalled where customer_id in (select customer_id from own)
                """, region);
        List<String> otherNames = new ArrayList<>();
        for (String name : strings(conn, """
                select company_name from core.customer_golden
                where customer_id not in (select customer_id from core.customer_golden where sales_region = $1
                                          union select customer_id from kpi.customer_value where sales_region = $1)
                  and company_name is not null""", region)) {
            if (name.strip().length() >= 6
                    && ownTexts.stream().noneMatch(text -> text != null && text.contains(name))) {
                otherNames.add(name);
            }
        }
        assertThat(own).as("customers of %s", region).isNotEmpty();
        assertThat(other).as("customers of other regions than %s", region).isNotEmpty();
        assertThat(otherNames).as("names only other regions' customers carry").isNotEmpty();
        return new RegionalTraces(region, own, other, otherNames);
    }

    /** Every file of the set: none names a customer of another region; the set shows its own. */
    void assertOnlyOwnCustomers(Path set) throws IOException {
        List<Path> files;
        try (Stream<Path> walk = Files.walk(set)) {
            files = walk.filter(Files::isRegularFile).sorted().toList();
        }
        assertThat(files).as("the page set %s", set).hasSize(PAGES_PER_SET);
        Set<String> ownShown = new TreeSet<>();
        for (Path file : files) {
            String page = Files.readString(file, StandardCharsets.UTF_8);
            assertOnlyOwnCustomers(file.toString(), page);
            ownShown.addAll(ids(page).stream().filter(ownIds::contains).toList());
        }
        // the customers page and the customer page carry every customer-year of the region
        assertThat(ownShown).as("%s's customers on its pages", region).hasSizeGreaterThan(ownIds.size() / 2);
    }

    /** One page (a file or a served answer) names no customer of another region, by id or by name. */
    void assertOnlyOwnCustomers(String what, String page) {
        assertThat(ids(page)).as("ids of other regions' customers in %s", what).doesNotContainAnyElementsOf(otherIds);
        for (String name : otherNames) {
            for (String form : forms(name)) {
                assertThat(page.contains(form))
                        .as("%s (a customer of another region than %s) in %s", form, region, what)
                        .isFalse();
            }
        }
    }

    /** The search finds what it looks for: the full set's page names other regions' customers by id and name. */
    void assertFindsOtherRegionsCustomers(Path fullSetPage) throws IOException {
        String page = Files.readString(fullSetPage, StandardCharsets.UTF_8);
        assertThat(ids(page)).as("other regions' ids in %s", fullSetPage).containsAnyElementsOf(otherIds);
        assertThat(otherNames.stream().filter(name -> forms(name).stream().anyMatch(page::contains)))
                .as("other regions' names in %s", fullSetPage)
                .isNotEmpty();
    }

    private static Set<String> ids(String page) {
        Set<String> ids = new TreeSet<>();
        Matcher id = CUSTOMER_ID.matcher(page);
        while (id.find()) {
            ids.add(id.group());
        }
        return ids;
    }

    /** A name as a page may carry it: as is, in the page's JSON ({@code <>&'} as a backslash-u escape), HTML-escaped. */
    private static Set<String> forms(String text) {
        Set<String> forms = new TreeSet<>();
        forms.add(text);
        String json = text.replace("\"", "\\\"")
                .replace("<", "\\u003C")
                .replace(">", "\\u003E")
                .replace("&", "\\u0026")
                .replace("'", "\\u0027");
        forms.add(json);
        forms.add(json.replace("\\u003C", "\\u003c").replace("\\u003E", "\\u003e"));
        forms.add(text.replace("&", "&amp;")
                .replace("<", "&lt;")
                .replace(">", "&gt;")
                .replace("\"", "&quot;"));
        forms.add(text.replace("&", "&amp;")
                .replace("<", "&lt;")
                .replace(">", "&gt;")
                .replace("'", "&#39;"));
        return forms;
    }

    private static Set<String> strings(Connection conn, String sql, String region) throws SQLException {
        Set<String> values = new TreeSet<>();
        try (PreparedStatement statement = conn.prepareStatement(sql)) {
            statement.setString(1, region);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    if (rows.getString(1) != null) {
                        values.add(rows.getString(1));
                    }
                }
            }
        }
        return values;
    }
}
