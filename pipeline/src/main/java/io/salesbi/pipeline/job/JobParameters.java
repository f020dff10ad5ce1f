package io.salesbi.pipeline.job;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Map;

/**
 * Hands the night's parameters to the SQL layer through {@code ops.parameter}: the seeded defaults, then the
 * configuration on top, then the night's own (as-of date, run id, whether it rebuilds in full).
 */
public final class JobParameters {

    private JobParameters() {}

    static void write(Connection conn, Map<String, String> parameters, NightContext night) throws SQLException {
        write(conn, parameters, night.runId(), night.asOf(), night.full());
    }

    /** The parameters of a night with the given run id and as-of date (also used by the validate dry run). */
    public static void write(
            Connection conn, Map<String, String> parameters, long runId, java.time.LocalDate asOf, boolean full)
            throws SQLException {
        try (var st = conn.createStatement()) {
            st.execute(
                    "insert or replace into ops.parameter (name, value) select name, value from ops.parameter_default");
        }
        try (PreparedStatement ps =
                conn.prepareStatement("insert or replace into ops.parameter (name, value) values (?, ?)")) {
            for (Map.Entry<String, String> p : parameters.entrySet()) {
                set(ps, p.getKey(), p.getValue());
            }
            set(ps, "as_of_date", asOf.toString());
            set(ps, "run_id", Long.toString(runId));
            set(ps, "full_rebuild", Boolean.toString(full));
        }
    }

    /**
     * The configured parameters the SQL layer does not declare (a misspelled key such as {@code cost-per-vist-eur}
     * would otherwise be written and never read), each as one line with a suggestion, in salesbi.yaml's spelling.
     */
    public static java.util.List<String> undeclared(Connection conn, Map<String, String> parameters)
            throws SQLException {
        return undeclared(conn, parameters, Map.of());
    }

    /**
     * As {@link #undeclared(Connection, Map)}, each line led by where the key is written ({@code salesbi.yaml:12:3})
     * when {@code locations} knows it, else by {@code salesbi.yaml}.
     */
    public static java.util.List<String> undeclared(
            Connection conn, Map<String, String> parameters, Map<String, String> locations) throws SQLException {
        java.util.List<String> declared = new java.util.ArrayList<>();
        try (var st = conn.createStatement();
                var rs = st.executeQuery("select name from ops.parameter_default order by name")) {
            while (rs.next()) {
                declared.add(rs.getString(1).replace('_', '-'));
            }
        }
        java.util.List<String> problems = new java.util.ArrayList<>();
        for (String key : parameters.keySet()) {
            String yamlKey = key.replace('_', '-');
            if (!declared.contains(yamlKey)) {
                String at = locations.isEmpty() ? "" : locations.getOrDefault(key, "salesbi.yaml") + ": ";
                problems.add(at + "kpi." + yamlKey + " is not a parameter of the KPIs"
                        + io.salesbi.connectors.yaml.Suggestions.didYouMean(yamlKey, declared)
                        + "; known: " + declared);
            }
        }
        return problems;
    }

    private static void set(PreparedStatement ps, String name, String value) throws SQLException {
        ps.setString(1, name);
        ps.setString(2, value);
        ps.executeUpdate();
    }
}
