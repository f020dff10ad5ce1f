package io.salesbi.sql;

import io.salesbi.sql.SqlStatementSplitter.ScriptStatement;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/** Loads a fixture script from {@code src/test/resources/fixtures} into a migrated warehouse. */
final class FixtureWarehouse {

    static final String THREE_CUSTOMERS_TWO_YEARS = "fixtures/three-customers-two-years.sql";
    static final String PIPELINE_SIX_DEALS = "fixtures/pipeline-six-deals.sql";
    static final String SURVEY_TWO_WAVES = "fixtures/survey-two-waves-six-bad-rows.sql";

    private FixtureWarehouse() {}

    static void load(Connection conn, String fixture) throws SQLException {
        for (ScriptStatement statement : SqlStatementSplitter.split(read(fixture))) {
            try (Statement jdbc = conn.createStatement()) {
                jdbc.execute(statement.sql());
            } catch (SQLException e) {
                throw new SQLException(fixture + " line " + statement.line() + ": " + e.getMessage(), e);
            }
        }
    }

    /** Runs the nightly job's SQL part: validate, then consolidate. */
    static void runValidateAndConsolidate(Connection conn) throws SQLException {
        SqlScripts.runFolder(conn, "validate");
        SqlScripts.runFolder(conn, "consolidate");
    }

    private static String read(String resource) {
        try (InputStream in = FixtureWarehouse.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture " + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
