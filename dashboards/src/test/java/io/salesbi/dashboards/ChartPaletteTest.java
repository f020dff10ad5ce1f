package io.salesbi.dashboards;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The chart colours stay apart for readers with a colour vision deficiency (issue #17 item 9): every pair of the
 * series palette, and the waterfall's total / increase / decrease, differs by at least {@value #MIN_DELTA_E}
 * (CIE76 ΔE in CIELAB) when simulated for protanopia, deuteranopia and tritanopia (Machado, Oliveira and Fernandes
 * 2009, severity 1.0, applied to linear sRGB). The palette before this test reached 2.7 under protanopia (its blue
 * #2a7ab0 and purple #8c6bb1 become one colour), which the last test keeps as the counter-example.
 */
class ChartPaletteTest {

    private static final double MIN_DELTA_E = 10.0;

    private static final Map<String, double[][]> DEFICIENCIES = Map.of(
            "protanopia",
            new double[][] {
                {0.152286, 1.052583, -0.204868}, {0.114503, 0.786281, 0.099216}, {-0.003882, -0.048116, 1.051998}
            },
            "deuteranopia",
            new double[][] {
                {0.367322, 0.860646, -0.227968}, {0.280085, 0.672501, 0.047413}, {-0.011820, 0.042940, 0.968881}
            },
            "tritanopia",
            new double[][] {
                {1.255528, -0.076749, -0.178779}, {-0.078411, 0.930809, 0.147602}, {0.004733, 0.691367, 0.303900}
            });

    @Test
    void theSeriesPaletteStaysApartUnderEveryColourVisionDeficiency() throws IOException {
        List<String> palette = colours(script(), "var PALETTE = \\[([^\\]]*)\\]");

        assertThat(palette).hasSize(8);
        assertThat(closePairs(palette)).isEmpty();
    }

    @Test
    void theWaterfallsTotalIncreaseAndDecreaseStayApart() throws IOException {
        List<String> steps = colours(script(), "var TOTAL = ('#\\w+'), UP = ('#\\w+'), DOWN = ('#\\w+');");

        assertThat(steps).hasSize(3);
        assertThat(closePairs(steps)).isEmpty();
    }

    @Test
    void theCheckFindsThePairsThePreviousPaletteMerged() {
        List<String> previous =
                List.of("#2a7ab0", "#9bbfd8", "#e08e3c", "#4e9f76", "#8c6bb1", "#c9544b", "#5b6b7c", "#d4b13f");

        assertThat(closePairs(previous)).contains("protanopia: #2a7ab0 / #8c6bb1 ΔE 2.7");
    }

    private static List<String> closePairs(List<String> colours) {
        List<String> close = new ArrayList<>();
        for (Map.Entry<String, double[][]> deficiency : DEFICIENCIES.entrySet()) {
            for (int i = 0; i < colours.size(); i++) {
                for (int j = i + 1; j < colours.size(); j++) {
                    double delta = deltaE(
                            lab(simulate(colours.get(i), deficiency.getValue())),
                            lab(simulate(colours.get(j), deficiency.getValue())));
                    if (delta < MIN_DELTA_E) {
                        close.add(String.format(
                                java.util.Locale.ROOT,
                                "%s: %s / %s ΔE %.1f",
                                deficiency.getKey(),
                                colours.get(i),
                                colours.get(j),
                                delta));
                    }
                }
            }
        }
        return close;
    }

    /** The colour as seen with the deficiency, in linear sRGB clipped to the gamut. */
    private static double[] simulate(String hex, double[][] matrix) {
        double[] linear = new double[3];
        for (int c = 0; c < 3; c++) {
            double v = Integer.parseInt(hex.substring(1 + 2 * c, 3 + 2 * c), 16) / 255.0;
            linear[c] = v <= 0.04045 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4);
        }
        double[] seen = new double[3];
        for (int r = 0; r < 3; r++) {
            double sum = 0;
            for (int c = 0; c < 3; c++) {
                sum += matrix[r][c] * linear[c];
            }
            seen[r] = Math.min(1, Math.max(0, sum));
        }
        return seen;
    }

    /** Linear sRGB (D65) to CIELAB. */
    private static double[] lab(double[] rgb) {
        double x = (0.4124 * rgb[0] + 0.3576 * rgb[1] + 0.1805 * rgb[2]) / 0.95047;
        double y = 0.2126 * rgb[0] + 0.7152 * rgb[1] + 0.0722 * rgb[2];
        double z = (0.0193 * rgb[0] + 0.1192 * rgb[1] + 0.9505 * rgb[2]) / 1.08883;
        double fx = f(x);
        double fy = f(y);
        double fz = f(z);
        return new double[] {116 * fy - 16, 500 * (fx - fy), 200 * (fy - fz)};
    }

    private static double f(double t) {
        return t > 0.008856 ? Math.cbrt(t) : 7.787 * t + 16.0 / 116;
    }

    private static double deltaE(double[] a, double[] b) {
        return Math.sqrt(Math.pow(a[0] - b[0], 2) + Math.pow(a[1] - b[1], 2) + Math.pow(a[2] - b[2], 2));
    }

    private static List<String> colours(String script, String declaration) {
        Matcher matcher = Pattern.compile(declaration).matcher(script);
        assertThat(matcher.find())
                .as("dashboard-charts.js declares " + declaration)
                .isTrue();
        List<String> colours = new ArrayList<>();
        Matcher colour =
                Pattern.compile("'(#[0-9a-fA-F]{6})'").matcher(script.substring(matcher.start(), matcher.end()));
        while (colour.find()) {
            colours.add(colour.group(1).toLowerCase(java.util.Locale.ROOT));
        }
        return colours;
    }

    private static String script() throws IOException {
        try (InputStream in = ChartPaletteTest.class.getResourceAsStream("assets/dashboard-charts.js")) {
            assertThat(in).as("dashboard-charts.js on the classpath").isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
