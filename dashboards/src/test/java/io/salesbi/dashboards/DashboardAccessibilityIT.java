package io.salesbi.dashboards;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Issue #17 item 9 in headless Chromium, on every page of two page sets in both locales: the small fixture the other
 * browser tests use (hostile names, two years) and the scale-1 fixture (2,600 customers, 8 regions, 12 segments,
 * 6 channels: the most labels a demo page draws). axe-core finds no serious or critical violation; no two texts
 * of a chart (axis labels, legend items, value labels) and no two texts of the cards overlap at 1280 px and at a
 * phone's 390 px; every chart has an accessible name and a data table with its values; the filters work from the
 * keyboard alone. Skips only when Chromium is not installed.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DashboardAccessibilityIT {

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
    private static final Path TARGET = Path.of("target");
    /** axe-core, unpacked from Deque's jar by the build (see the dashboards pom). */
    private static final Path AXE = TARGET.resolve("axe/axe.min.js");

    /** Page set name to folder: fixture × locale. */
    private final Map<String, Path> sets = new LinkedHashMap<>();

    private String axe;
    private BrowserSession browser;

    @BeforeAll
    void generatePagesAndStartBrowser() throws Exception {
        assumeTrue(
                Files.isExecutable(BrowserSession.CHROMIUM) && Files.isExecutable(BrowserSession.CHROMEDRIVER),
                "DashboardAccessibilityIT skipped: /usr/bin/chromium or /usr/bin/chromedriver is missing "
                        + "(apt-get install -y chromium chromium-driver)");
        axe = Files.readString(AXE, StandardCharsets.UTF_8);
        for (String fixture : List.of(KpiFixture.TWO_YEARS, DashboardScaleOneTest.SCALE_ONE)) {
            String name = fixture.equals(KpiFixture.TWO_YEARS) ? "fixture" : "scale-one";
            try (Connection conn = KpiFixture.open(fixture)) {
                for (Locale locale : List.of(Locale.GERMAN, Locale.ENGLISH)) {
                    Path folder = TARGET.resolve("dashboards-a11y/" + name + "-" + locale.getLanguage())
                            .toAbsolutePath();
                    new DashboardGenerator(new DashboardSettings(folder, locale, KpiFixture.GENERATED_AT))
                            .generate(conn);
                    sets.put(name + "-" + locale.getLanguage(), folder);
                }
            }
        }
        // more page sets, e.g. a demo's: -Dsalesbi.a11y.pages=/path/de,/path/en (each a folder of the ten pages)
        for (String folder : System.getProperty("salesbi.a11y.pages", "").split(",")) {
            if (!folder.isBlank()) {
                sets.put(folder, Path.of(folder).toAbsolutePath());
            }
        }
        Files.createDirectories(TARGET.resolve("screenshots"));
        browser = new BrowserSession(
                Files.createDirectories(TARGET.resolve("downloads-a11y").toAbsolutePath()));
        // axe reads every node's colours: a page of the scale-1 set takes seconds on a busy machine
        browser.driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(120));
    }

    @AfterAll
    void stopBrowser() throws Exception {
        if (browser != null) {
            browser.close();
        }
    }

    private void open(Path folder, String page, int width) {
        browser.driver.manage().window().setSize(new Dimension(width, 900));
        browser.consoleErrors();
        browser.driver.get(folder.resolve(page).toUri().toString());
        new WebDriverWait(browser.driver, Duration.ofSeconds(30))
                .until(d -> "true".equals(browser.js("return document.body.getAttribute('data-rendered')")));
    }

    /** axe-core's WCAG 2 A/AA and best-practice rules on every page (at 1280 px: the rules do not depend on it). */
    @Test
    void axeFindsNoSeriousOrCriticalViolationOnAnyPage() {
        List<String> violations = new ArrayList<>();
        for (Map.Entry<String, Path> set : sets.entrySet()) {
            for (String page : PAGES) {
                open(set.getValue(), page, 1280);
                browser.js(axe);
                @SuppressWarnings("unchecked")
                List<String> found = (List<String>) browser.driver.executeAsyncScript("""
                        const done = arguments[arguments.length - 1];
                        axe.run(document, { resultTypes: ['violations'] }).then(r => done(r.violations
                            .filter(v => v.impact === 'serious' || v.impact === 'critical')
                            .map(v => v.id + ' (' + v.impact + '): ' + v.help + ': '
                                + v.nodes.slice(0, 5).map(n => n.target.join(' ')).join(', ')
                                + (v.nodes.length > 5 ? ' and ' + (v.nodes.length - 5) + ' more' : ''))),
                            e => done(['axe failed: ' + e]));""");
                found.forEach(v -> violations.add(set.getKey() + "/" + page + ": " + v));
                assertThat(browser.consoleErrors())
                        .as(set.getKey() + "/" + page)
                        .isEmpty();
            }
        }
        assertThat(violations).isEmpty();
    }

    /**
     * Pairs of drawn texts that overlap, per chart (the texts ECharts draws on its canvas: axis labels, legend
     * items, value labels, visual-map labels), and for the cards above the charts (headline and figure cards):
     * a card's texts overlapping each other or reaching out of their card.
     */
    @SuppressWarnings("unchecked")
    private List<String> overlaps() {
        return (List<String>) browser.js("""
                const out = [];
                const clash = (a, b) => a.x < b.x + b.width - 1 && b.x < a.x + a.width - 1
                    && a.y < b.y + b.height - 1 && b.y < a.y + a.height - 1;
                /* a drawn text as the polygon it covers (rotated labels stay rotated), shrunk by half a pixel;
                   a text its clip path (a scrolling legend's window) cuts is cut the same way */
                const corners = (r, m) => [[r.x, r.y], [r.x + r.width, r.y], [r.x + r.width, r.y + r.height],
                        [r.x, r.y + r.height]]
                    .map(p => m ? [m[0] * p[0] + m[2] * p[1] + m[4], m[1] * p[0] + m[3] * p[1] + m[5]] : p);
                const polygon = el => {
                    const r = el.getBoundingRect().clone();
                    r.x += 0.5; r.y += 0.5; r.width -= 1; r.height -= 1;
                    const m = el.getComputedTransform();
                    if ((el.__clipPaths || []).length && (!m || (m[1] === 0 && m[2] === 0))) {
                        r.applyTransform(m);
                        for (const clip of el.__clipPaths) {
                            const c = clip.getBoundingRect().clone();
                            c.applyTransform(clip.getComputedTransform());
                            const x = Math.max(r.x, c.x), y = Math.max(r.y, c.y);
                            r.width = Math.min(r.x + r.width, c.x + c.width) - x;
                            r.height = Math.min(r.y + r.height, c.y + c.height) - y;
                            r.x = x; r.y = y;
                        }
                        return r.width > 0 && r.height > 0 ? corners(r, null) : null;
                    }
                    return corners(r, m);
                };
                const apart = (a, b) => [a, b].some(poly => poly.some((p, i) => {
                    const q = poly[(i + 1) % 4], nx = q[1] - p[1], ny = p[0] - q[0];
                    const pa = a.map(v => v[0] * nx + v[1] * ny), pb = b.map(v => v[0] * nx + v[1] * ny);
                    return Math.max(...pa) <= Math.min(...pb) || Math.max(...pb) <= Math.min(...pa);
                }));
                document.querySelectorAll('.chart').forEach(node => {
                    const chart = echarts.getInstanceByDom(node);
                    if (!chart) { return; }
                    const texts = chart.getZr().storage.getDisplayList(true)
                        .filter(el => el.type === 'tspan' && !el.invisible && el.style && el.style.text)
                        .map(el => ({ text: String(el.style.text), r: polygon(el) }))
                        .filter(t => t.r !== null);
                    for (let i = 0; i < texts.length; i++) {
                        for (let j = i + 1; j < texts.length; j++) {
                            if (!apart(texts[i].r, texts[j].r)) {
                                out.push(node.id + ': ' + texts[i].text + ' / ' + texts[j].text);
                            }
                        }
                    }
                });
                const box = el => { const r = el.getBoundingClientRect();
                                    return { x: r.left, y: r.top, width: r.width, height: r.height }; };
                document.querySelectorAll('.kpi-card').forEach((card, n) => {
                    const c = box(card);
                    const parts = Array.from(card.children).filter(el => el.getBoundingClientRect().width > 0);
                    parts.forEach((el, i) => {
                        const r = box(el);
                        if (r.x < c.x - 1 || r.x + r.width > c.x + c.width + 1 || el.scrollWidth > el.clientWidth + 1) {
                            out.push('card ' + (card.dataset.kpi || card.dataset.figure || n) + ': "' + el.textContent.trim()
                                + '" does not fit its card');
                        }
                        parts.slice(i + 1).forEach(other => {
                            if (clash(r, box(other))) {
                                out.push('card ' + n + ': ' + el.textContent.trim() + ' / ' + other.textContent.trim());
                            }
                        });
                    });
                });
                if (document.documentElement.scrollWidth > window.innerWidth + 1) {
                    out.push('the page is ' + document.documentElement.scrollWidth + ' px wide in a '
                        + window.innerWidth + ' px window');
                }
                return out;""");
    }

    @Test
    void noTextsOverlapInAnyChartOrCardAt1280And390Pixels() throws Exception {
        List<String> overlapping = new ArrayList<>();
        for (Map.Entry<String, Path> set : sets.entrySet()) {
            for (String page : PAGES) {
                for (int width : List.of(390, 1280)) {
                    open(set.getValue(), page, width);
                    overlaps().forEach(o -> overlapping.add(set.getKey() + "/" + page + " at " + width + " px: " + o));
                    if (set.getKey().equals("scale-one-de")) {
                        Files.write(
                                TARGET.resolve("screenshots/a11y-" + page.replace(".html", "") + "-" + width + ".png"),
                                browser.driver.getScreenshotAs(OutputType.BYTES));
                    }
                }
                // a window narrowed after the page opened (a phone turned upright) fits the labels anew
                browser.driver.manage().window().setSize(new Dimension(390, 900));
                browser.js("window.dispatchEvent(new Event('resize'))");
                overlaps().forEach(o -> overlapping.add(set.getKey() + "/" + page + " narrowed to 390 px: " + o));
                assertThat(browser.consoleErrors())
                        .as(set.getKey() + "/" + page)
                        .isEmpty();
            }
        }
        assertThat(overlapping).isEmpty();
    }

    @Test
    void everyChartHasAnAccessibleNameAndADataTableWithItsValues() {
        List<String> missing = new ArrayList<>();
        for (Map.Entry<String, Path> set : sets.entrySet()) {
            for (String page : PAGES) {
                open(set.getValue(), page, 1280);
                @SuppressWarnings("unchecked")
                List<String> found = (List<String>) browser.js("""
                        const out = [];
                        document.querySelectorAll('.chart').forEach(node => {
                            const chart = echarts.getInstanceByDom(node);
                            if (!chart) { return; }
                            const name = node.getAttribute('aria-label');
                            const caption = node.closest('figure').querySelector('figcaption');
                            if (node.getAttribute('role') !== 'img' || !name || name !== caption.textContent) {
                                out.push(node.id + ': no accessible name (role ' + node.getAttribute('role')
                                    + ', label ' + name + ')');
                            }
                            const table = document.getElementById(node.getAttribute('aria-describedby') || '-');
                            const points = chart.getOption().series
                                .reduce((n, s) => n + (s.data || []).filter(v => v !== null && v !== undefined
                                    && !(Array.isArray(v) && v[2] === null) && v !== '-').length, 0);
                            if (!table || table.tagName !== 'TABLE') {
                                out.push(node.id + ': no data table (aria-describedby '
                                    + node.getAttribute('aria-describedby') + ')');
                            } else if (points > 0 && table.querySelectorAll('tbody td').length === 0) {
                                out.push(node.id + ': its data table is empty');
                            }
                        });
                        return out;""");
                found.forEach(m -> missing.add(set.getKey() + "/" + page + ": " + m));
            }
        }
        assertThat(missing).isEmpty();
    }

    @Test
    void theDataTableOfAChartHoldsItsExactValues() {
        open(sets.get("fixture-de"), "index.html", 1280);
        String tableId =
                browser.driver.findElement(By.id("chart-revenue-segment")).getAttribute("aria-describedby");
        @SuppressWarnings("unchecked")
        List<String> rows = (List<String>) browser.js("""
                return Array.from(document.getElementById(arguments[0]).rows)
                    .map(tr => Array.from(tr.cells).map(c => c.textContent).join(' | '));""", tableId);
        // revenue by segment, 2025 against 2026 (the chart's two series), to the cent where the chart shows T€: the
        // fixture's 2026 revenue 2.234,56 € (Maschinenbau 1.934,56 €, Chemie 300,00 €), 2025 1.800,00 €
        assertThat(rows)
                .containsExactly(
                        "Kategorie | 2025 | 2026",
                        "Maschinenbau | 1.500,00 € | 1.934,56 €",
                        "Chemie | 300,00 € | 300,00 €");
    }

    @Test
    void theFiltersWorkFromTheKeyboardAlone() {
        open(sets.get("fixture-de"), "index.html", 1280);
        String before = browser.driver
                .findElement(By.cssSelector("[data-kpi=revenue] .kpi-value"))
                .getAttribute("title");
        // Tab from the start of the page reaches the filters in order, after the navigation
        List<String> focused = new ArrayList<>();
        browser.driver.findElement(By.tagName("body")).sendKeys(Keys.TAB);
        for (int i = 0; i < 20 && focused.size() < 4; i++) {
            String id = (String) browser.js("return document.activeElement.id");
            if (id.startsWith("filter-") && !focused.contains(id)) {
                focused.add(id);
            }
            browser.driver.switchTo().activeElement().sendKeys(Keys.TAB);
        }
        assertThat(focused).containsExactly("filter-year", "filter-region", "filter-segment", "filter-channel");
        // a focused filter has a visible focus ring
        browser.js("document.getElementById('filter-region').focus()");
        assertThat((String) browser.js("return getComputedStyle(document.activeElement).outlineStyle"))
                .isNotEqualTo("none");
        // choosing a region with the arrow key recomputes the page
        browser.driver.switchTo().activeElement().sendKeys(Keys.ARROW_DOWN);
        String after = browser.driver
                .findElement(By.cssSelector("[data-kpi=revenue] .kpi-value"))
                .getAttribute("title");
        assertThat((String) browser.js("return location.hash")).contains("region=");
        assertThat(after).isNotEqualTo(before);
        assertThat(browser.consoleErrors()).isEmpty();
    }
}
