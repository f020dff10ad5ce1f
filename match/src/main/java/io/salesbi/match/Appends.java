package io.salesbi.match;

import java.math.BigDecimal;
import java.sql.SQLException;
import org.duckdb.DuckDBAppender;

/** Appender helpers that write SQL null for Java null. */
public final class Appends {

    private Appends() {}

    public static void text(DuckDBAppender appender, String... values) throws SQLException {
        for (String value : values) {
            if (value == null) {
                appender.appendNull();
            } else {
                appender.append(value);
            }
        }
    }

    public static void decimal(DuckDBAppender appender, BigDecimal value) throws SQLException {
        if (value == null) {
            appender.appendNull();
        } else {
            appender.append(value);
        }
    }
}
