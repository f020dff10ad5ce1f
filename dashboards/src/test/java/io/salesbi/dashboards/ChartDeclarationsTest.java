package io.salesbi.dashboards;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Issue #19: a chart is two files, its declaration in the page script and its test. Fails when a page script declares
 * a chart without its id, both captions, its place or what it draws, draws a chart outside the declarations, when a
 * template still holds a hand-written chart panel, or a message bundle still holds a chart caption. The first test
 * reads the real pages; the others show that the guard catches each mistake.
 */
class ChartDeclarationsTest {

    private static final String OWN = "io/salesbi/dashboards/";

    @Test
    void everyPageDeclaresItsChartsTheOneWay() throws Exception {
        List<String> problems = new ArrayList<>();
        int charts = 0;
        for (Page page : Page.values()) {
            String name = "dashboard-" + page.key() + ".js";
            String script = read(OWN + "assets/" + name);
            problems.addAll(ChartDeclarations.problems(script, name, page.key()));
            charts += ChartDeclarations.read(script, name).size();
        }
        try (Stream<Path> templates = Files.list(folder(OWN + "templates"))) {
            for (Path template : templates.sorted().toList()) {
                problems.addAll(ChartDeclarations.templateProblems(
                        Files.readString(template, StandardCharsets.UTF_8), "templates/" + template.getFileName()));
            }
        }
        for (Locale locale : List.of(Locale.GERMAN, Locale.ENGLISH)) {
            problems.addAll(ChartDeclarations.messageProblems(
                    new Messages(locale).all(), "messages_" + locale.getLanguage() + ".properties"));
        }

        assertThat(problems).isEmpty();
        // the 38 charts of the ten pages (overview 5, market 5, channels 6, plan 3, customers 2, customer 2,
        // buying center 2, survey 4, data quality 4, pipeline 5): a scanner that lost some would pass vacuously
        assertThat(charts).isEqualTo(38);
    }

    @Test
    void aDeclarationIsReadWithItsCaptionsPlaceAndDrawing() {
        List<ChartDeclarations.Declared> charts = ChartDeclarations.read("""
                s.page('overview', { render: render, charts: [
                    /* a comment, and a caption with a quote and a comma */
                    { id: 'chart-my-chart', into: 'panels', wide: true,
                      de: 'Umsatz, je Kanal', en: 'The channel\\'s revenue',
                      note: { de: 'Hinweis', en: 'Note' },
                      when: function () { return s.data.cube.length > 0; },
                      draw: function (id, v) { s.bars(id, v.labels, [{ name: 'x', values: [1, 2] }]); } },
                    { id: 'chart-other', before: 'table-segments', de: 'Zweites', en: 'Second', draw: drawOther }
                ] });
                """, "dashboard-overview.js");

        assertThat(charts).hasSize(2);
        assertThat(charts.get(0).id()).isEqualTo("chart-my-chart");
        assertThat(charts.get(0).stringValue("de")).isEqualTo("Umsatz, je Kanal");
        assertThat(charts.get(0).stringValue("en")).isEqualTo("The channel's revenue");
        assertThat(charts.get(0).keys()).containsOnlyKeys("id", "into", "wide", "de", "en", "note", "when", "draw");
        assertThat(charts.get(0).line()).isEqualTo(3);
        assertThat(charts.get(1).keys())
                .containsEntry("before", "'table-segments'")
                .containsEntry("draw", "drawOther");
    }

    @Test
    void aChartWithoutBothCaptionsIsReported() {
        String script = """
                s.page('market', { render: render, charts: [
                    { id: 'chart-a', into: 'panels', de: 'Nur deutsch', draw: drawA },
                    { id: 'chart-b', into: 'panels', de: '', en: 'Only English', draw: drawB },
                    { id: 'chart-c', into: 'panels', de: 'Beide', en: 'Both', draw: drawC }
                ] });
                """;

        assertThat(ChartDeclarations.problems(script, "dashboard-market.js", "market"))
                .containsExactly(
                        "dashboard-market.js:2 (chart-a): no English caption (en: '…'); every chart is named in both"
                                + " page languages",
                        "dashboard-market.js:3 (chart-b): no German caption (de: '…'); every chart is named in both"
                                + " page languages");
    }

    @Test
    void aChartWithoutIdPlaceOrDrawingOrDeclaredTwiceIsReported() {
        String script = """
                s.page('plan', { charts: [
                    { de: 'Ohne Id', en: 'No id', into: 'panels', draw: f },
                    { id: 'chart-x', de: 'X', en: 'X', draw: f },
                    { id: 'chart-y', de: 'Y', en: 'Y', into: 'panels' },
                    { id: 'chart-y', de: 'Y', en: 'Y', into: 'panels', draw: f }
                ] });
                function render() { s.bars('chart-z', [], []); }
                """;

        assertThat(ChartDeclarations.problems(script, "dashboard-plan.js", "plan"))
                .containsExactly(
                        "dashboard-plan.js:2: no id 'chart-…' (a string literal)",
                        "dashboard-plan.js:3 (chart-x): no place (into: '<container id>' or before: '<element id>')",
                        "dashboard-plan.js:4 (chart-y): nothing to draw (draw: function (id, view) { … })",
                        "dashboard-plan.js:5 (chart-y): the id chart-y is declared twice",
                        "dashboard-plan.js:7: s.bars('chart-…') draws a chart outside the declarations; declare it"
                                + " and draw it under its id");
    }

    @Test
    void aHandWrittenChartPanelInATemplateIsReported() {
        String template = """
                <section class="grid-2" id="panels">
                    <figure class="panel"><figcaption th:text="#{chart.myChart}">chart</figcaption>
                        <div class="chart" id="chart-my-chart"></div></figure>
                    <section class="panel"><h2>table</h2><div class="table-host" id="table-x"></div></section>
                </section>
                """;

        assertThat(ChartDeclarations.templateProblems(template, "templates/overview.html"))
                .extracting(problem -> problem.substring(0, problem.indexOf(';')))
                .containsExactly(
                        "templates/overview.html:2: a hand-written chart panel ('<figure')",
                        "templates/overview.html:2: a hand-written chart panel ('<figcaption')",
                        "templates/overview.html:3: a hand-written chart panel ('class=\"chart')",
                        "templates/overview.html:3: a hand-written chart panel ('id=\"chart-')");
    }

    @Test
    void aChartCaptionInAMessageBundleIsReported() {
        assertThat(ChartDeclarations.messageProblems(
                        java.util.Map.of("chart.dataTable", "Daten als Tabelle", "chart.myChart", "Mein Diagramm"),
                        "messages_de.properties"))
                .containsExactly("messages_de.properties: chart.myChart looks like a chart caption; captions live in"
                        + " the chart's declaration");
    }

    private static String read(String resource) throws IOException {
        try (InputStream in = ChartDeclarationsTest.class.getClassLoader().getResourceAsStream(resource)) {
            assertThat(in).as(resource).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static Path folder(String resource) throws URISyntaxException {
        return Path.of(ChartDeclarationsTest.class
                .getClassLoader()
                .getResource(resource)
                .toURI());
    }
}
