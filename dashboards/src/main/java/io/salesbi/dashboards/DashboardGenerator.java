package io.salesbi.dashboards;

import io.salesbi.sql.RegionScope;
import io.salesbi.sql.RowPolicies;
import io.salesbi.sql.RowPolicy;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads the kpi views and writes the dashboard pages (index.html is the overview) into the output folder. Every
 * page is one self-contained HTML file: style, ECharts, page script and the page's data are inlined, so it opens
 * from disk or an e-mail attachment without a server or network.
 *
 * <p>{@link #generateRegional} writes the same pages once more per regional manager's regions, from the relations
 * as their row policies let that manager see them ({@link RegionalRelations}), into {@code regions/<regions>/}.
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
        return generate(new KpiQueries(conn), settings.outDir());
    }

    /**
     * Writes one regional page set per scope into {@code <outDir>/regions/<scope's folder>/} (see
     * {@link RegionScope#folderName()}): the same pages, read through the row policies of {@code policies} for the
     * scope's regions, the declaration the JDBC endpoint filters a regional manager's queries by. A scope none of
     * whose regions a golden customer has (a region name the warehouse does not know) gets no page set and a
     * warning. Returns the files written.
     *
     * @throws IllegalStateException when two scopes would share a folder, the warehouse has no golden customers
     *                               table, or a relation's columns no longer fit its policy
     */
    public List<Path> generateRegional(Connection conn, Collection<RegionScope> scopes, RowPolicies policies)
            throws SQLException, IOException {
        Map<String, RegionScope> byFolder = new TreeMap<>();
        for (RegionScope scope : scopes) {
            RegionScope other = byFolder.putIfAbsent(scope.folderName(), scope);
            if (other != null && !other.equals(scope)) {
                throw new IllegalStateException("regional page sets: regions " + other.regions() + " and "
                        + scope.regions() + " would share the folder " + RegionScope.PAGE_SETS_FOLDER + "/"
                        + scope.folderName() + "; rename one region");
            }
        }
        Set<String> known = knownRegions(conn);
        List<Path> written = new ArrayList<>();
        for (Map.Entry<String, RegionScope> entry : byFolder.entrySet()) {
            RegionScope scope = entry.getValue();
            if (scope.regions().stream().noneMatch(known::contains)) {
                log.warn(
                        "No regional page set for regions {}: no golden customer (core.customer_golden.sales_region)"
                                + " is in them; known regions: {}",
                        scope.regions(),
                        known);
                continue;
            }
            Path folder =
                    settings.outDir().resolve(RegionScope.PAGE_SETS_FOLDER).resolve(entry.getKey());
            KpiQueries kpi = new KpiQueries(conn, scope, policies);
            try {
                written.addAll(generate(kpi, folder));
            } finally {
                kpi.release();
            }
        }
        return written;
    }

    /** The regions golden customers are in: the values a regional manager's row filter can match. */
    private static Set<String> knownRegions(Connection conn) throws SQLException {
        Set<String> known = new TreeSet<>();
        String sql = "select distinct " + RowPolicy.REGION_COLUMN + " from " + RowPolicy.CUSTOMER_REGIONS + " where "
                + RowPolicy.REGION_COLUMN + " is not null";
        try (Statement statement = conn.createStatement();
                ResultSet rows = statement.executeQuery(sql)) {
            while (rows.next()) {
                known.add(rows.getString(1));
            }
        } catch (SQLException e) {
            throw new IllegalStateException(
                    "regional page sets need " + RowPolicy.CUSTOMER_REGIONS + " (the golden customers' regions): "
                            + e.getMessage(),
                    e);
        }
        return known;
    }

    private List<Path> generate(KpiQueries kpi, Path outDir) throws SQLException, IOException {
        long started = System.nanoTime();
        Files.createDirectories(outDir);
        Map<String, String> channelNames = channelNames(kpi.get("channelNames"));
        YearCoverage coverage = YearCoverage.of(kpi.get("months"));
        Map<Page, Assets> assets = new java.util.EnumMap<>(Page.class);
        for (Page page : Page.values()) {
            assets.put(page, Assets.forPage(page.key()));
        }
        // the warehouse is read on this thread (one connection); a page is serialized and rendered on another
        // as soon as its data is read, while this thread reads the next page's. The customer page goes first:
        // it carries by far the most data (every customer and year), so its rendering overlaps the rest.
        Map<Page, Future<Rendered>> pages = new LinkedHashMap<>();
        ExecutorService rendering =
                Executors.newFixedThreadPool(Runtime.getRuntime().availableProcessors());
        try {
            for (Page page : RENDER_ORDER) {
                Map<String, Object> model = model(page, kpi, channelNames, coverage, assets.get(page));
                pages.put(page, rendering.submit(() -> render(page, model, outDir)));
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
                "Dashboards written to {}: {} pages, locale {}, regions {}, largest page {} bytes, {} ms ({} ms "
                        + "reading the warehouse)",
                outDir,
                written.size(),
                settings.locale().getLanguage(),
                kpi.scope() == null ? "all" : kpi.scope().regions(),
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

    private Rendered render(Page page, Map<String, Object> model, Path outDir) {
        Path file = outDir.resolve(page.fileName);
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
            FilterOptions options = FilterOptions.of(
                    filter, List.copyOf(data.values()), channelNames, coverage, messages, settings.locale());
            // a regional set offers its own regions; totals shown whole still count all of them under "all"
            filters.add(
                    kpi.scope() != null && filter == Page.Filter.REGION
                            ? options.only(kpi.scope().regions())
                            : options);
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
        meta.put("monthsCovered", monthsCovered(kpi.get("months")));
        meta.put("monthNames", monthNames());
        meta.put("customersByChannel", !kpi.get("customerChannels").rows().isEmpty());
        if (page == Page.CUSTOMERS || page == Page.CUSTOMER) {
            CustomerShortlist shortlist = kpi.shortlist();
            meta.put("listSize", CustomerShortlist.LIST_SIZE);
            meta.put("customersListed", shortlist.listed());
            meta.put("customersTotal", shortlist.customers());
        }
        RegionScope scope = kpi.scope();
        // a regional set opens on its region (of several: on all of them); the reader may still pick "all"
        meta.put("regionScope", scope == null ? null : scope.list());
        meta.put(
                "defaultRegion",
                scope != null && scope.regions().size() == 1 ? scope.regions().first() : "");

        Map<String, Object> model = new LinkedHashMap<>();
        model.put("page", page.key());
        model.put("lang", settings.locale().getLanguage());
        model.put("nav", navigation(page));
        model.put(
                "regionScope",
                scope == null
                        ? null
                        : scope.regions().stream()
                                .map(region -> messages.label("region", region))
                                .collect(Collectors.joining(", ")));
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
                "hasMonths",
                page == Page.MARKET && !kpi.get("revenueMonth").rows().isEmpty());
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

    /** Per year the first and last month with revenue (kpi.channel_pnl), for the period filter's spans. */
    private static Map<String, List<Integer>> monthsCovered(DataTable months) {
        Map<String, List<Integer>> covered = new LinkedHashMap<>();
        for (Map<String, Object> row : months.records()) {
            if (row.get("first_month") != null && row.get("last_month") != null) {
                covered.put(
                        String.valueOf(row.get("year")),
                        List.of(
                                ((Number) row.get("first_month")).intValue(),
                                ((Number) row.get("last_month")).intValue()));
            }
        }
        return covered;
    }

    /** The short month names of the page's language, January first, for the period filter's labels. */
    private List<String> monthNames() {
        return Arrays.stream(java.time.Month.values())
                .map(month -> month.getDisplayName(java.time.format.TextStyle.SHORT, settings.locale()))
                .toList();
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
