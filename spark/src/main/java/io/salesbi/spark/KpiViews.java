package io.salesbi.spark;

import io.salesbi.sql.ClasspathScripts;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The warehouse's KPI views as the repeatable migrations define them ({@code db/migration/R__kpi_*.sql} and
 * {@code R__core_sales_fact.sql} of salesbi-sql, read from the classpath: there is no second copy), with the
 * relations each reads, and which of them can run over a Parquet export.
 */
final class KpiViews {

    static final String MIGRATIONS = "db/migration";
    private static final Pattern SCRIPT = Pattern.compile("R__(kpi_.*|core_sales_fact)\\.sql");
    private static final Pattern CREATE_VIEW = Pattern.compile(
            "(?is)^create\\s+or\\s+replace\\s+view\\s+([a-z_][a-z0-9_]*)\\.([a-z_][a-z0-9_]*)\\s+as\\s");
    /** schema.name in code; the schemas the warehouse has. */
    private static final Pattern RELATION =
            Pattern.compile("(?i)\\b(core|kpi|ref|ops|staging|quarantine|raw|mart)\\.([a-z_][a-z0-9_]*)\\b(?!\\s*\\()");

    /**
     * Views that read only what an export holds but are not yet in the portable subset or not yet proven equal on
     * Spark by SparkKpisIT: skipped with this reason until they are. Empty: every view that reads only the export
     * runs on Spark (a new view that cannot yet goes here, with the reason, rather than breaking the runner).
     */
    static final Map<String, String> NOT_YET_ON_SPARK = Map.of();

    /** One view: its qualified name, the script and statement it comes from, its SQL and the relations it reads. */
    record View(String name, String script, String sql, Set<String> reads) {

        String schema() {
            return name.substring(0, name.indexOf('.'));
        }

        String table() {
            return name.substring(name.indexOf('.') + 1);
        }
    }

    /** The views that can run in dependency order, and every other view with the reason it cannot. */
    record Plan(List<View> runnable, Map<String, String> skipped) {}

    private KpiViews() {}

    /** Every view of the KPI scripts on the classpath, in script order. */
    static List<View> load() {
        List<View> views = new ArrayList<>();
        for (String script : ClasspathScripts.list(MIGRATIONS)) {
            String file = script.substring(script.lastIndexOf('/') + 1);
            if (SCRIPT.matcher(file).matches()) {
                views.addAll(parse(file, ClasspathScripts.read(script)));
            }
        }
        if (views.isEmpty()) {
            throw new IllegalStateException("no KPI views found: the classpath has no " + MIGRATIONS
                    + "/R__kpi_*.sql (is salesbi-sql's jar on it?)");
        }
        return views;
    }

    /** The {@code create or replace view} statements of one script; any other statement is an error. */
    static List<View> parse(String script, String text) {
        List<View> views = new ArrayList<>();
        for (String statement : SqlText.statements(text)) {
            Matcher m = CREATE_VIEW.matcher(statement);
            if (!m.find()) {
                throw new IllegalArgumentException(script + ": expected only 'create or replace view schema.name as "
                        + "...' statements, found: " + firstLine(statement));
            }
            String name = (m.group(1) + "." + m.group(2)).toLowerCase(Locale.ROOT);
            Set<String> reads = new TreeSet<>();
            Matcher r = RELATION.matcher(SqlText.codeOnly(statement.substring(m.end())));
            while (r.find()) {
                reads.add((r.group(1) + "." + r.group(2)).toLowerCase(Locale.ROOT));
            }
            reads.remove(name);
            views.add(new View(name, script, statement, reads));
        }
        return views;
    }

    /**
     * Orders the views so that each comes after the views it reads, and leaves out every view that reads a relation
     * neither in {@code available} (the export's relations) nor made by a runnable view, naming what it lacks.
     * Views given here replace export relations of the same name (core.sales_fact is recomputed, not read).
     */
    static Plan plan(List<View> views, Collection<String> available) {
        Map<String, View> byName = new LinkedHashMap<>();
        views.forEach(v -> byName.put(v.name(), v));
        Set<String> have = new TreeSet<>(available);
        have.removeAll(byName.keySet());
        Map<String, String> skipped = new TreeMap<>();
        LinkedHashSet<String> ordered = new LinkedHashSet<>();
        for (View v : views) {
            visit(v, byName, have, skipped, ordered, new LinkedHashSet<>());
        }
        List<View> runnable = ordered.stream().map(byName::get).toList();
        return new Plan(runnable, skipped);
    }

    /** Depth first: a view is runnable when everything it reads is available or a runnable view. */
    private static boolean visit(
            View v,
            Map<String, View> byName,
            Set<String> have,
            Map<String, String> skipped,
            Set<String> ordered,
            Set<String> path) {
        if (ordered.contains(v.name())) {
            return true;
        }
        if (skipped.containsKey(v.name())) {
            return false;
        }
        if (NOT_YET_ON_SPARK.containsKey(v.name())) {
            skipped.put(v.name(), NOT_YET_ON_SPARK.get(v.name()));
            return false;
        }
        if (!path.add(v.name())) {
            throw new IllegalStateException(
                    "the KPI views read each other in a cycle: " + String.join(" -> ", path) + " -> " + v.name());
        }
        List<String> missing = new ArrayList<>();
        for (String read : v.reads()) {
            View dependency = byName.get(read);
            if (dependency != null) {
                if (!visit(dependency, byName, have, skipped, ordered, path)) {
                    missing.add(read + " (itself not runnable)");
                }
            } else if (!have.contains(read)) {
                missing.add(read);
            }
        }
        path.remove(v.name());
        if (!missing.isEmpty()) {
            skipped.put(v.name(), "reads " + String.join(", ", missing) + ", which the export does not hold");
            return false;
        }
        ordered.add(v.name());
        return true;
    }

    private static String firstLine(String sql) {
        String first = sql.strip().lines().findFirst().orElse("");
        return first.length() > 120 ? first.substring(0, 117) + "..." : first;
    }
}
