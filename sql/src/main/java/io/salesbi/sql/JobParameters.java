package io.salesbi.sql;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Reads and sets the job parameters in {@code ops.parameter} that the SQL steps and KPI views use. Only parameters
 * seeded by the migrations can be set, so a misspelled name in the configuration fails at once.
 */
public final class JobParameters {

    private JobParameters() {}

    /** All parameters with their current values (null = the documented default applies). */
    public static Map<String, String> read(Connection conn) throws SQLException {
        Map<String, String> parameters = new TreeMap<>();
        try (Statement statement = conn.createStatement();
                ResultSet rows = statement.executeQuery("select name, value from ops.parameter")) {
            while (rows.next()) {
                parameters.put(rows.getString(1), rows.getString(2));
            }
        }
        return parameters;
    }

    /**
     * Overwrites the given parameters; the others keep their values.
     *
     * @throws IllegalArgumentException naming the unknown parameters and the known ones
     */
    public static void set(Connection conn, Map<String, String> values) throws SQLException {
        Map<String, String> known = read(conn);
        TreeSet<String> unknown = new TreeSet<>(values.keySet());
        unknown.removeAll(known.keySet());
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException(
                    "unknown job parameters " + unknown + "; expected some of " + known.keySet());
        }
        try (PreparedStatement update = conn.prepareStatement("update ops.parameter set value = ? where name = ?")) {
            for (Map.Entry<String, String> value : values.entrySet()) {
                update.setString(1, value.getValue());
                update.setString(2, value.getKey());
                update.executeUpdate();
            }
        }
    }
}
