package io.salesbi.dashboards;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The static parts every page inlines: ECharts from its webjar, the shared style sheet and the page script.
 * Inlined, not linked, so a page opens from disk or an e-mail attachment without any network.
 */
record Assets(String echarts, String css, String script) {

    static final String ECHARTS_PATH = "META-INF/resources/webjars/echarts/5.3.1/dist/echarts.min.js";
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

    static Assets load() {
        return new Assets(
                inlineSafe(read(ECHARTS_PATH)),
                read(OWN + "dashboard.css"),
                inlineSafe(SCRIPTS.stream().map(name -> read(OWN + name)).collect(Collectors.joining("\n"))));
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
