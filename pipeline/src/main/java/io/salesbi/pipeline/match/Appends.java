package io.salesbi.pipeline.match;

import java.math.BigDecimal;
import java.sql.SQLException;
import org.duckdb.DuckDBAppender;

/** Appender helpers that write SQL null for Java null. */
final class Appends {

    private Appends() {
    }

    static void text(DuckDBAppender appender, String... values) throws SQLException {
        for (String value : values) {
            if (value == null) {
                appender.appendNull();
            } else {
                appender.append(value);
            }
        }
    }

    static void decimal(DuckDBAppender appender, BigDecimal value) throws SQLException {
        if (value == null) {
            appender.appendNull();
        } else {
            appender.append(value);
        }
    }
}
