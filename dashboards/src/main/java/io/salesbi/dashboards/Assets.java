package io.salesbi.dashboards;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The static parts a page inlines: ECharts from its webjar, the shared style sheet and the page script (the shared
 * scripts and the page's own).
 * Inlined, not linked, so a page opens from disk or an e-mail attachment without any network.
 */
record Assets(String echarts, String css, String script) {

    static final String ECHARTS_PATH = "META-INF/resources/webjars/echarts/5.3.1/dist/echarts.min.js";
    /**
     * ECharts' own smaller build (line, bar, pie, scatter with grid, legend, tooltip, data zoom, mark lines): 0.65 MB
     * instead of 1.0 MB, enough for a page whose script draws none of the other chart types.
     */
    static final String ECHARTS_COMMON_PATH = "META-INF/resources/webjars/echarts/5.3.1/dist/echarts.common.min.js";
    /** What a page script draws that only the full build has: the heat map (with its visual map) and the radar. */
    private static final java.util.regex.Pattern NEEDS_FULL_BUILD = java.util.regex.Pattern.compile(
            "\\bs\\.(heatmap|radar)\\(|visualMap|type: *'(heatmap|radar|sankey|treemap|gauge|funnel|graph|sunburst"
                    + "|boxplot|candlestick|parallel|themeRiver|pictorialBar|effectScatter|lines|map|tree)'");

    private static final String OWN = "io/salesbi/dashboards/assets/";
    /** The page script in load order: core first, the page renderers last. */
    private static final List<String> SCRIPTS = List.of(
            "dashboard-core.js",
            "dashboard-tables.js",
            "dashboard-xlsx.js",
            "dashboard-charts.js",
            "dashboard-overview.js",
            "dashboard-market.js",
            "dashboard-channels.js",
            "dashboard-plan.js",
            "dashboard-customers.js",
            "dashboard-customer.js",
            "dashboard-journey.js",
            "dashboard-survey.js",
            "dashboard-quality.js",
            "dashboard-pipeline.js",
            "dashboard-start.js");

    /** Read once per page and kept: the assets are resources of the jar, the same for every run. */
    private static final java.util.Map<String, Assets> BY_PAGE = new java.util.concurrent.ConcurrentHashMap<>();

    /**
     * The assets of one page: the shared scripts and that page's own ({@code dashboard-<page>.js}), without the
     * other pages' renderers, which it would never run (about 70 kB less per page; issue #17 item 10), and the
     * smaller ECharts build where the page's own script draws only what that build has.
     */
    static Assets forPage(String page) {
        return BY_PAGE.computeIfAbsent(page, Assets::load);
    }

    private static Assets load(String page) {
        List<String> otherPages = java.util.Arrays.stream(Page.values())
                .map(Page::key)
                .filter(key -> !key.equals(page))
                .map(key -> "dashboard-" + key + ".js")
                .toList();
        String own = read(OWN + "dashboard-" + page + ".js");
        return new Assets(
                inlineSafe(read(NEEDS_FULL_BUILD.matcher(own).find() ? ECHARTS_PATH : ECHARTS_COMMON_PATH)),
                read(OWN + "dashboard.css"),
                inlineSafe(SCRIPTS.stream()
                        .filter(name -> !otherPages.contains(name))
                        .map(name -> read(OWN + name))
                        .collect(Collectors.joining("\n"))));
    }

    /**
     * The page's Content-Security-Policy: only these two inlined scripts may run (by hash, so an injected
     * {@code onerror=} attribute could not run even if escaping failed), nothing may be fetched.
     */
    String contentSecurityPolicy() {
        return "default-src 'none'; script-src " + hash(echarts) + " " + hash(script)
                + "; style-src 'unsafe-inline'; img-src data: blob:; connect-src 'none'; form-action 'none';"
                + " base-uri 'none'";
    }

    private static String hash(String script) {
        try {
            byte[] digest =
                    java.security.MessageDigest.getInstance("SHA-256").digest(script.getBytes(StandardCharsets.UTF_8));
            return "'sha256-" + java.util.Base64.getEncoder().encodeToString(digest) + "'";
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 missing from the JVM", e);
        }
    }

    /** A script body must never contain a closing script tag; the minified ECharts has none, this keeps it so. */
    private static String inlineSafe(String script) {
        return script.replace("</script", "<\\/script").replace("<!--", "<\\!--");
    }

    private static String read(String path) {
        try (InputStream in = Assets.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("dashboard asset missing from the classpath: " + path);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read dashboard asset " + path, e);
        }
    }
}
