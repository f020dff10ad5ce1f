package io.salesbi.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SparkKpisTest {

    @Test
    void theCommandLineNamesExportOutMasterAndParameterOverrides() {
        SparkKpis.Options o = SparkKpis.Options.parse(
                "--export",
                "/data/export",
                "--out",
                "/data/kpi",
                "--master",
                "local[*]",
                "--param",
                "as_of_date=2026-01-15",
                "--param",
                "abc_a_cutoff=0.75");
        assertThat(o.export()).isEqualTo("/data/export");
        assertThat(o.out()).isEqualTo("/data/kpi");
        assertThat(o.master()).isEqualTo("local[*]");
        assertThat(o.parameters())
                .containsExactly(Map.entry("abc_a_cutoff", "0.75"), Map.entry("as_of_date", "2026-01-15"));
        assertThat(SparkKpis.Options.parse("--export", "e", "--out", "o").master())
                .isNull();
    }

    @Test
    void aWrongCommandLineSaysWhatIsExpected() {
        assertThatThrownBy(() -> SparkKpis.Options.parse("--export", "e"))
                .hasMessage("--export DIR and --out DIR are required");
        assertThatThrownBy(() -> SparkKpis.Options.parse("--export", "--out", "o"))
                .hasMessage("--export needs a value");
        assertThatThrownBy(() -> SparkKpis.Options.parse("--export", "e", "--out", "o", "--param", "as_of_date"))
                .hasMessage("--param as_of_date: expected name=value, e.g. --param as_of_date=2026-01-15");
        assertThatThrownBy(() -> SparkKpis.Options.parse("--exprot", "e"))
                .hasMessage("unknown option --exprot; expected --export DIR --out DIR [--master URL] "
                        + "[--param name=value ...]");
    }

    @Test
    void localModeUsesOneShufflePartitionPerCore() {
        assertThat(SparkKpis.localCores("local")).isEqualTo(1);
        assertThat(SparkKpis.localCores("local[2]")).isEqualTo(2);
        assertThat(SparkKpis.localCores("local[3,2]")).isEqualTo(3);
        assertThat(SparkKpis.localCores("local[*]"))
                .isEqualTo(Runtime.getRuntime().availableProcessors());
    }

    @Test
    void theSummaryListsRowsPerViewAndWhySomeWereSkipped() {
        Map<String, Long> rows = new LinkedHashMap<>();
        rows.put("kpi.sales_cube", 642L);
        rows.put("kpi.channel_pnl", 1220L);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        Map<String, Long> millis = Map.of("kpi.sales_cube", 2_500L, "kpi.channel_pnl", 10_050L);
        SparkKpis.print(
                new SparkKpis.Result(
                        rows,
                        millis,
                        Map.of("kpi.survey_gap", "reads staging.survey_answer, " + "which the export does not hold"),
                        12_345),
                "/out",
                new PrintStream(bytes, true, StandardCharsets.UTF_8));
        assertThat(bytes.toString(StandardCharsets.UTF_8))
                .isEqualTo(String.format(
                        "spark-kpis: 2 KPI views written to /out in %.1f s%n"
                                + "  kpi.sales_cube                      642 rows %7.1f s%n"
                                + "  kpi.channel_pnl                   %,d rows %7.1f s%n"
                                + "skipped (1):%n"
                                + "  kpi.survey_gap               reads staging.survey_answer, which the export does not hold%n",
                        12.345, 2.5, 1220, 10.05));
    }
}
