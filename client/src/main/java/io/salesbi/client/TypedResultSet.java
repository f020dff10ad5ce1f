package io.salesbi.client;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Time;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * {@code getObject(column, type)} on Avatica's result sets, which refuse every type ("cannot convert to Object (with
 * type)"); BI tools read dates and timestamps this way. Conversions go through the typed getters, so they behave
 * as {@code getDate}, {@code getTimestamp}, ... do: DATE as {@link LocalDate}, TIMESTAMP as {@link LocalDateTime}
 * (the value as stored), and as {@link OffsetDateTime} or {@link Instant} at UTC (the warehouse's timestamps carry no
 * zone and are written in UTC). SQL NULL is {@code null} for every type.
 */
final class TypedResultSet {

    private TypedResultSet() {}

    static ResultSet wrap(ResultSet avatica, Statement statement) {
        return Wrappers.proxy(ResultSet.class, avatica, (proxy, method, args) -> {
            switch (method.getName()) {
                case "getStatement" -> {
                    return statement;
                }
                case "next" -> {
                    try {
                        return avatica.next();
                    } catch (RowStream.StreamFailure e) {
                        throw Wrappers.timeoutException(e.sqlException());
                    }
                }
                case "getObject" -> {
                    if (args.length == 2 && args[1] instanceof Class<?> type) {
                        int column = args[0] instanceof String label ? avatica.findColumn(label) : (Integer) args[0];
                        return get(avatica, column, type);
                    }
                }
                default -> {
                    // Avatica's
                }
            }
            return Wrappers.invoke(avatica, method, args);
        });
    }

    /** The value of {@code column} as {@code type}. */
    static <T> T get(ResultSet rows, int column, Class<T> type) throws SQLException {
        Object value = value(rows, column, type);
        if (value == null || rows.wasNull()) {
            return null;
        }
        if (!type.isInstance(value)) {
            throw new SQLException(
                    "column " + column + " (" + rows.getMetaData().getColumnTypeName(column) + ") cannot be read as "
                            + type.getName() + "; its value is a "
                            + value.getClass().getName(),
                    "22000");
        }
        return type.cast(value);
    }

    private static Object value(ResultSet rows, int column, Class<?> type) throws SQLException {
        if (type == LocalDate.class) {
            Date date = rows.getDate(column);
            return date == null ? null : date.toLocalDate();
        }
        if (type == LocalDateTime.class) {
            return localDateTime(rows, column);
        }
        if (type == OffsetDateTime.class) {
            LocalDateTime value = localDateTime(rows, column);
            return value == null ? null : value.atOffset(ZoneOffset.UTC);
        }
        if (type == Instant.class) {
            LocalDateTime value = localDateTime(rows, column);
            return value == null ? null : value.toInstant(ZoneOffset.UTC);
        }
        if (type == LocalTime.class) {
            Time time = rows.getTime(column);
            return time == null ? null : time.toLocalTime();
        }
        if (type == String.class) {
            return rows.getString(column);
        }
        if (type == Integer.class) {
            return rows.getInt(column);
        }
        if (type == Long.class) {
            return rows.getLong(column);
        }
        if (type == Short.class) {
            return rows.getShort(column);
        }
        if (type == Byte.class) {
            return rows.getByte(column);
        }
        if (type == Double.class) {
            return rows.getDouble(column);
        }
        if (type == Float.class) {
            return rows.getFloat(column);
        }
        if (type == Boolean.class) {
            return rows.getBoolean(column);
        }
        if (type == BigDecimal.class) {
            return rows.getBigDecimal(column);
        }
        if (type == BigInteger.class) {
            BigDecimal value = rows.getBigDecimal(column);
            return value == null ? null : value.toBigIntegerExact();
        }
        if (type == byte[].class) {
            return rows.getBytes(column);
        }
        if (type == Date.class) {
            return rows.getDate(column);
        }
        if (type == Time.class) {
            return rows.getTime(column);
        }
        if (type == Timestamp.class) {
            return rows.getTimestamp(column);
        }
        return rows.getObject(column);
    }

    private static LocalDateTime localDateTime(ResultSet rows, int column) throws SQLException {
        Timestamp timestamp = rows.getTimestamp(column);
        return timestamp == null ? null : timestamp.toLocalDateTime();
    }
}
