package io.salesbi.dashboards;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads the kpi views and writes the dashboard pages (index.html is the overview) into the output folder. Every
 * page is one self-contained HTML file: style, ECharts, page script and the page's data are inlined, so it opens
 * from disk or an e-mail attachment without a server or network.
 */
public final class DashboardGenerator {

    private static final Logger log = LoggerFactory.getLogger(DashboardGenerator.class);

    /** The page's script data in its model until rendering serializes it to {@code pageJson}. */
    private static final String PAGE_DATA = "pageData";

    /** The order pages are read and handed to rendering in: the one with the most data first. */
    private static final List<Page> RENDER_ORDER = Stream.concat(
                    Stream.of(Page.CUSTOMERS), Arrays.stream(Page.values()).filter(page -> page != Page.CUSTOMERS))
            .toList();

    private final DashboardSettings settings;
    private final Formats formats;
    private final Messages messages;
    private final PageRenderer renderer;

    public DashboardGenerator(DashboardSettings settings) {
        this.settings = settings;
        this.formats = Formats.of(settings.locale());
        this.messages = new Messages(settings.locale());
        this.renderer = new PageRenderer(messages);
    }

    /** Reads the kpi views over conn and writes index.html (overview) and the other pages; returns the files. */
    public List<Path> generate(Connection conn) throws SQLException, IOException {
        long started = System.nanoTime();
        Files.createDirectories(settings.outDir());
        KpiQueries kpi = new KpiQueries(conn);
        Map<String, String> channelNames = channelNames(kpi.get("channelNames"));
        YearCoverage coverage = YearCoverage.of(kpi.get("months"));
        Assets assets = Assets.load();
        // the warehouse is read on this thread (one connection); a page is serialized and rendered on another
        // as soon as its data is read, while this thread reads the next page's. The customer page goes first:
        // it carries by far the most data (every customer and year), so its rendering overlaps the rest.
        Map<Page, Future<Rendered>> pages = new LinkedHashMap<>();
        ExecutorService rendering =
                Executors.newFixedThreadPool(Runtime.getRuntime().availableProcessors());
        try {
            for (Page page : RENDER_ORDER) {
                Map<String, Object> model = model(page, kpi, channelNames, coverage, assets);
                pages.put(page, rendering.submit(() -> render(page, model)));
            }
        } finally {
            rendering.shutdown();
        }
        List<Path> written = new ArrayList<>();
        long largest = 0;
        for (Page page : Page.values()) {
            Rendered rendered = rendered(pages.get(page));
            written.add(rendered.file());
            largest = Math.max(largest, rendered.bytes());
        }
        log.info(
                "Dashboards written to {}: {} pages, locale {}, largest page {} bytes, {} ms ({} ms reading the "
                        + "warehouse)",
                settings.outDir(),
                written.size(),
                settings.locale().getLanguage(),
                largest,
                (System.nanoTime() - started) / 1_000_000,
                kpi.queryMillis());
        return written;
    }

    private record Rendered(Path file, long bytes) {}

    private static Rendered rendered(Future<Rendered> page) throws IOException {
        try {
            return page.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while the dashboard pages were rendered", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof UncheckedIOException io) {
                throw io.getCause();
            }
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException("rendering a dashboard page failed", e.getCause());
        }
    }

    private Rendered render(Page page, Map<String, Object> model) {
        Path file = settings.outDir().resolve(page.fileName);
        model.put("pageJson", ScriptJson.write(model.remove(PAGE_DATA)));
        byte[] html = renderer.render(page.template, settings.locale(), model).getBytes(StandardCharsets.UTF_8);
        try {
            Files.write(file, html);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write dashboard page " + file, e);
        }
        log.debug("Dashboard page {} written: {} bytes", file, html.length);
        return new Rendered(file, html.length);
    }

    private Map<String, Object> model(
            Page page, KpiQueries kpi, Map<String, String> channelNames, YearCoverage coverage, Assets assets)
            throws SQLException {
        Map<String, DataTable> data = new LinkedHashMap<>();
        Map<String, Object> scriptData = new LinkedHashMap<>();
        for (String dataset : page.datasets) {
            data.put(dataset, kpi.get(dataset));
            scriptData.put(dataset, kpi.forScript(dataset));
        }
        List<FilterOptions> filters = new ArrayList<>();
        for (Page.Filter filter : page.filters) {
            filters.add(FilterOptions.of(
                    filter, List.copyOf(data.values()), channelNames, coverage, messages, settings.locale()));
        }
        String year = selected(filters, "year");

        Map<String, Object> meta = new LinkedHashMap<>();
        meta.put("page", page.key());
        meta.put("lang", settings.locale().getLanguage());
        meta.put("format", formats.forScript());
        meta.put("messages", messages.all());
        meta.put("channelNames", channelNames);
        meta.put("pages", pageFiles());
        meta.put("defaultYear", year);
        meta.put("defaultWave", selected(filters, "wave"));
        meta.put("partialYears", coverage.forScript(messages, settings.locale()));
        meta.put("priorSpans", coverage.spansForScript(messages, settings.locale()));
        meta.put("cubePriorSpan", !kpi.get("cubePriorSpan").cols().isEmpty());
        meta.put("customersByChannel", !kpi.get("customerChannels").rows().isEmpty());

        Map<String, Object> model = new LinkedHashMap<>();
        model.put("page", page.key());
        model.put("lang", settings.locale().getLanguage());
        model.put("nav", navigation(page));
        model.put("filters", filters);
        model.put("generatedAt", formats.instant(settings.generatedAt()));
        model.put("assets", assets);
        model.put("csp", assets.contentSecurityPolicy());
        Map<String, Object> pageData = new LinkedHashMap<>();
        pageData.put("meta", meta);
        pageData.put("data", scriptData);
        model.put(PAGE_DATA, pageData);
        if (page == Page.OVERVIEW && !year.isEmpty()) {
            model.put(
                    "headlines",
                    new Headlines(kpi, formats, messages, channelNames, coverage, settings.locale())
                            .forYear(Integer.parseInt(year)));
        }
        model.put(
                "hasMigration",
                page == Page.CHANNELS && !kpi.get("migration").rows().isEmpty());
        if (page == Page.QUALITY) {
            model.put(
                    "quality",
                    QualitySummary.of(
                            kpi.get("summary"), kpi.get("walletCheck"), settings.generatedAt(), formats, messages));
            model.put("hasCompleteness", !kpi.get("completeness").rows().isEmpty());
        }
        return model;
    }

    private static String selected(List<FilterOptions> filters, String name) {
        return filters.stream()
                .filter(f -> f.name().equals(name))
                .map(FilterOptions::selected)
                .findFirst()
                .orElse("");
    }

    private Map<String, String> channelNames(DataTable names) {
        String column = "en".equals(settings.locale().getLanguage()) ? "name_en" : "name_de";
        Map<String, String> byCode = new LinkedHashMap<>();
        for (Map<String, Object> row : names.records()) {
            Object name = row.get(column);
            String code = String.valueOf(row.get("channel_code"));
            byCode.put(code, name == null ? messages.get("channel." + code) : name.toString());
        }
        return byCode;
    }

    private static Map<String, String> pageFiles() {
        Map<String, String> files = new LinkedHashMap<>();
        for (Page page : Page.values()) {
            files.put(page.key(), page.fileName);
        }
        return files;
    }

    /** The navigation bar: one link per page, the current one marked. */
    record NavLink(String file, String label, boolean current) {}

    private List<NavLink> navigation(Page current) {
        List<NavLink> links = new ArrayList<>();
        for (Page page : Page.values()) {
            links.add(new NavLink(page.fileName, messages.get("page." + page.key()), page == current));
        }
        return links;
    }
}
