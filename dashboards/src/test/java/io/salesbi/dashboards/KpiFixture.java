package io.salesbi.dashboards;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;

/** In-memory DuckDB warehouses whose kpi schema is shaped like the KPI view contract. */
final class KpiFixture {

    /** Two years, two segments, two regions, two channels, hostile customer names; see the SQL file's header. */
    static final String TWO_YEARS = "fixtures/kpi-two-years-two-segments-hostile-names.sql";
    static final Instant GENERATED_AT = Instant.parse("2026-11-26T06:30:00Z");

    private KpiFixture() {
    }

    static Connection open(String script) throws SQLException, IOException {
        Connection conn = DriverManager.getConnection("jdbc:duckdb:");
        try (Statement statement = conn.createStatement()) {
            statement.execute("set autoinstall_known_extensions = false");
        }
        run(conn, script);
        return conn;
    }

    static void run(Connection conn, String script) throws SQLException, IOException {
        String sql;
        try (InputStream in = KpiFixture.class.getClassLoader().getResourceAsStream(script)) {
            if (in == null) {
                throw new IllegalArgumentException("fixture not found: " + script);
            }
            sql = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        for (String command : sql.split(";\\s*\\n")) {
            String withoutComments = command.replaceAll("(?m)^--.*$", "").strip();
            if (!withoutComments.isEmpty()) {
                try (Statement statement = conn.createStatement()) {
                    statement.execute(withoutComments);
                }
            }
        }
    }
}
