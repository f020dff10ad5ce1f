package io.salesbi.client;

import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Time;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;

/**
 * {@code PreparedStatement.setObject} with {@code java.time} values, which JDBC 4.2 asks for and BI tools send, but
 * Avatica's client refuses ("unsupported type"). Each value is bound as the {@code java.sql} type of the same wall
 * clock: {@code LocalDate} as DATE, {@code LocalTime} as TIME, {@code LocalDateTime} as TIMESTAMP; an instant in time
 * ({@code Instant}, {@code OffsetDateTime}, {@code ZonedDateTime}) as the TIMESTAMP of that instant in UTC, the zone
 * the warehouse keeps its timestamps in (the same rule {@link TypedResultSet} reads them back with).
 */
final class JavaTimeParameters {

    private JavaTimeParameters() {}

    static boolean convertible(Object value) {
        return value instanceof LocalDate
                || value instanceof LocalTime
                || value instanceof LocalDateTime
                || value instanceof Instant
                || value instanceof OffsetDateTime
                || value instanceof ZonedDateTime;
    }

    static void set(PreparedStatement statement, int index, Object value) throws SQLException {
        if (value instanceof LocalDate date) {
            statement.setDate(index, Date.valueOf(date));
        } else if (value instanceof LocalTime time) {
            statement.setTime(index, Time.valueOf(time));
        } else if (value instanceof LocalDateTime wallClock) {
            statement.setTimestamp(index, Timestamp.valueOf(wallClock));
        } else if (value instanceof Instant instant) {
            statement.setTimestamp(index, Timestamp.valueOf(LocalDateTime.ofInstant(instant, ZoneOffset.UTC)));
        } else if (value instanceof OffsetDateTime offset) {
            set(statement, index, offset.toInstant());
        } else if (value instanceof ZonedDateTime zoned) {
            set(statement, index, zoned.toInstant());
        } else {
            throw new IllegalArgumentException("not a java.time value: " + value);
        }
    }
}
