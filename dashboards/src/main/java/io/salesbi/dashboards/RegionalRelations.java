package io.salesbi.dashboards;

import io.salesbi.sql.RegionScope;
import io.salesbi.sql.RowPolicies;
import io.salesbi.sql.RowPolicy;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The warehouse relations as a regional page set reads them: for each {@code schema.relation} a dataset query names,
 * a temporary DuckDB view {@code select * from <relation> where <condition>} with the condition of the relation's
 * declared {@link RowPolicy} for the scope's regions ({@link RegionScope#condition}), the very declaration the JDBC
 * endpoint filters by. The query is rewritten to read the views, so the filtering is set-based inside DuckDB and
 * every dataset, chart and table of the set is built from the scoped rows only.
 *
 * <p>Fail closed, like the endpoint: a relation without a declared policy is hidden (its view holds no rows), a
 * relation whose columns no longer fit its policy stops the rendering, and a query that reads anything this class
 * cannot scope (an unqualified name that is not one of its own CTEs, a quoted name, a table function) is refused.
 */
final class RegionalRelations implements AutoCloseable {

    /** A schema-qualified name: {@code schema.relation}, not part of a longer dotted or quoted name. */
    private static final Pattern QUALIFIED =
            Pattern.compile("(?<![\\w.\"])([A-Za-z_]\\w*)\\.([A-Za-z_]\\w*)\\b(?![.\"])");

    /**
     * What follows {@code from} or {@code join}: a relation, a CTE or a sub-query; not the {@code from} of
     * {@code extract(x from y)} or {@code is [not] distinct from}.
     */
    private static final Pattern SOURCE = Pattern.compile(
            "(?<!extract\\(\\w{1,20}\\s{1,5})(?<!distinct\\s{1,5})\\b(from|join)\\s+(?!\\()(\\S+)",
            Pattern.CASE_INSENSITIVE);

    private static final Pattern CTE = Pattern.compile("(?:\\bwith|,)\\s*([A-Za-z_]\\w*)\\s+as\\s*\\(");
    private static final String VIEW_PREFIX = "regional:";

    /** Where a relation's rows are read from: a kpi view's snapshot table when the night took one. */
    @FunctionalInterface
    interface Sources {
        String of(String schema, String relation) throws SQLException;
    }

    private final Connection conn;
    private final RegionScope scope;
    private final RowPolicies policies;
    private final Sources sources;
    private final Map<String, String> views = new LinkedHashMap<>();

    RegionalRelations(Connection conn, RegionScope scope, RowPolicies policies, Sources sources) {
        this.conn = conn;
        this.scope = scope;
        this.policies = policies;
        this.sources = sources;
    }

    RegionScope scope() {
        return scope;
    }

    /**
     * The dataset query reading the scoped views instead of the relations: every {@code schema.relation} whose
     * schema the warehouse has is replaced, wherever it stands (also in a comma join or a sub-query). Then every
     * {@code from} and {@code join} must read a scoped view, one of the query's own CTEs or a sub-query; anything
     * else (an unqualified or quoted relation, a table function) is refused, since no policy could apply to it.
     */
    String rewrite(String dataset, String sql) throws SQLException {
        Set<String> schemas = schemas();
        Matcher qualified = QUALIFIED.matcher(sql);
        StringBuilder out = new StringBuilder();
        while (qualified.find()) {
            String schema = qualified.group(1).toLowerCase(Locale.ROOT);
            String replacement = schemas.contains(schema)
                    ? view(schema + "." + qualified.group(2).toLowerCase(Locale.ROOT))
                    : qualified.group();
            qualified.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        String rewritten = qualified.appendTail(out).toString();
        Set<String> ctes = new HashSet<>();
        Matcher cte = CTE.matcher(rewritten);
        while (cte.find()) {
            ctes.add(cte.group(1).toLowerCase(Locale.ROOT));
        }
        Matcher source = SOURCE.matcher(rewritten);
        while (source.find()) {
            String read = source.group(2);
            boolean scoped = read.startsWith("\"" + VIEW_PREFIX);
            String name = read.replaceAll("[);,]+$", "").toLowerCase(Locale.ROOT);
            if (!scoped && !ctes.contains(name)) {
                throw new IllegalStateException("dashboard dataset '" + dataset + "' reads '" + read
                        + "', which is neither a schema-qualified relation nor one of its CTEs, so the regional page "
                        + "set for " + scope.label() + " cannot apply a row policy to it; qualify the relation "
                        + "(schema.relation)");
            }
        }
        return rewritten;
    }

    /** The warehouse's schemas, lower case: what a qualified name's first part must be to name a relation. */
    private Set<String> schemas() throws SQLException {
        Set<String> schemas = new HashSet<>();
        try (Statement statement = conn.createStatement();
                ResultSet rows = statement.executeQuery("select distinct schema_name from duckdb_schemas()")) {
            while (rows.next()) {
                schemas.add(rows.getString(1).toLowerCase(Locale.ROOT));
            }
        }
        return schemas;
    }

    /** The scoped view of {@code schema.relation}, created on first use. */
    private String view(String qualified) throws SQLException {
        String existing = views.get(qualified);
        if (existing != null) {
            return existing;
        }
        String[] parts = qualified.split("\\.");
        if (parts.length != 2) {
            throw new IllegalStateException("cannot scope relation '" + qualified + "': expected schema.relation");
        }
        RowPolicy policy = policies.of(parts[0], parts[1]).orElse(RowPolicy.HIDDEN);
        String from = sources.of(parts[0], parts[1]);
        if (policy.kind() != RowPolicy.Kind.HIDDEN) {
            String problem = policy.misfit(columns(from));
            if (problem != null) {
                throw new IllegalStateException("regional page set for " + scope.label() + ": " + qualified
                        + " is not shown to regional managers: " + problem + " (the JDBC endpoint refuses it too)");
            }
        }
        String view = "\"" + VIEW_PREFIX + qualified + "\"";
        try (Statement statement = conn.createStatement()) {
            statement.execute("create or replace temp view " + view + " as select * from " + from + " where "
                    + scope.condition(policy));
        }
        views.put(qualified, view);
        return view;
    }

    private List<String> columns(String from) throws SQLException {
        List<String> columns = new ArrayList<>();
        try (Statement statement = conn.createStatement();
                ResultSet rows = statement.executeQuery("select * from " + from + " limit 0")) {
            ResultSetMetaData meta = rows.getMetaData();
            for (int i = 1; i <= meta.getColumnCount(); i++) {
                columns.add(meta.getColumnName(i));
            }
        }
        return columns;
    }

    /** Drops the scoped views: the connection goes back to the night as it came. */
    @Override
    public void close() throws SQLException {
        try (Statement statement = conn.createStatement()) {
            for (String view : views.values()) {
                statement.execute("drop view if exists temp.main." + view);
            }
        }
        views.clear();
    }
}
