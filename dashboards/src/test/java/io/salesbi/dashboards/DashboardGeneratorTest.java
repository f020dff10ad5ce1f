package io.salesbi.dashboards;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Generates the pages from the two-year fixture and reads the HTML as text. Expected values by hand:
 * revenue 2026 = 1200.00 + 734.56 + 300.00 = 2234.56, 2025 = 1800.00, change 434.56 / 1800 = +24.1 %, all of it
 * Maschinenbau; market share 2234.56 / 20000 = 11.2 % against 1800 / 21000 = 8.6 %, +2.6 pp.
 */
class DashboardGeneratorTest {

    @TempDir
    Path out;

    private String generate(Locale locale, String page) throws Exception {
        try (Connection conn = KpiFixture.open(KpiFixture.TWO_YEARS)) {
            List<Path> files = new DashboardGenerator(new DashboardSettings(out, locale, KpiFixture.GENERATED_AT))
                    .generate(conn);
            assertThat(files).extracting(p -> p.getFileName().toString()).containsExactly("index.html",
                    "market-share.html", "channels.html", "customers.html", "buying-center.html",
                    "data-quality.html");
        }
        return Files.readString(out.resolve(page), StandardCharsets.UTF_8);
    }

    @Test
    void overviewShowsHeadlinesInGermanFormats() throws Exception {
        String html = generate(Locale.GERMAN, "index.html");

        assertThat(html).contains("<html lang=\"de\">");
        assertThat(html).contains(">2.234,56 €<", ">+24,1 %<");
        assertThat(html).contains("Umsatz stieg gegenüber 2025 um 24,1 %. Am stärksten bewegt: Maschinenbau (+434,56 €).");
        assertThat(html).contains(">974,56 €<", ">+29,9 %<", "Am stärksten bewegt: E-Shop (+134,56 €).");
        assertThat(html).contains(">544,56 €<", ">+47,2 %<", "Am stärksten bewegt: E-Shop (+114,56 €).");
        assertThat(html).contains(">11,2 %<", ">+2,6 PP<",
                "Marktanteil stieg gegenüber 2025 um 2,6 PP. Am stärksten bewegt: Maschinenbau (+2,9 PP).");
        assertThat(html).contains(">84,0 %<", ">+2,2 PP<", "Am stärksten bewegt: Außendienst (+1,9 PP).");
        assertThat(html).contains("1 Kunden gewonnen, 1 verloren gegenüber 2025.");
        assertThat(html).contains("Stand: 26.11.2026 06:30 UTC");
    }

    @Test
    void overviewShowsHeadlinesInEnglishFormats() throws Exception {
        String html = generate(Locale.ENGLISH, "index.html");

        assertThat(html).contains("<html lang=\"en\">");
        assertThat(html).contains(">€2,234.56<", ">+24.1%<");
        assertThat(html).contains("Net revenue rose by 24.1% against 2025. Biggest mover: Maschinenbau (+€434.56).");
        assertThat(html).contains(">11.2%<", ">+2.6 pp<", "Biggest mover: Field sales (+1.9 pp).");
        assertThat(html).contains("As of 2026-11-26 06:30 UTC");
    }

    @Test
    void everyPageIsSelfContained() throws Exception {
        generate(Locale.GERMAN, "index.html");

        for (String page : List.of("index.html", "market-share.html", "channels.html", "customers.html",
                "buying-center.html", "data-quality.html")) {
            String html = Files.readString(out.resolve(page), StandardCharsets.UTF_8);
            assertThat(html).as(page).contains("echarts").contains("id=\"page-data\"");
            assertThat(html).as(page).doesNotContainPattern("(?i)<(script|link|img)[^>]+(src|href)=\"(https?:)?//");
            assertThat(html).as(page).doesNotContain("??");
        }
    }

    @Test
    void hostileCustomerNamesAreInlinedAsEscapedJson() throws Exception {
        String html = generate(Locale.GERMAN, "customers.html");

        assertThat(html).doesNotContain("<script>alert(1)</script>", "<img src=x onerror=alert(1)>");
        assertThat(html).contains("\\u003Cscript\\u003Ealert(1)\\u003C/script\\u003E");
        assertThat(html).contains("\\\"\\u003E\\u003Cimg src=x onerror=alert(1)\\u003E");
    }

    @Test
    void dataQualityPageShowsTheLastRun() throws Exception {
        String html = generate(Locale.GERMAN, "data-quality.html");

        assertThat(html).contains(">1.234<", ">234<", ">26.11.2026 02:00 UTC<", ">4,5 Std.<");
        assertThat(html).contains("Zusammengeführte Dubletten");
    }
}
