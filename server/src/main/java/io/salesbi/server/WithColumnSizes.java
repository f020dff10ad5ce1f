package io.salesbi.server;

import io.salesbi.sql.KpiDescriptions;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.Types;
import java.util.Set;

/**
 * A session's {@link DatabaseMetaData} whose {@code getColumns} reports a size for character columns, and query
 * results whose metadata does the same; and whose {@code getTables} reports a KPI view's description (the
 * {@code What:} of its header, {@link KpiDescriptions}) as its REMARKS. DuckDB's
 * VARCHAR has no length, and Calcite reports such columns with size 0, which BI tools take literally (DBeaver shows
 * empty cells, ODBC bridges size their buffers by it). They are reported with {@value #VARCHAR_SIZE} characters,
 * as databases with a bounded "unlimited" text type do.
 */
final class WithColumnSizes {

    static final int VARCHAR_SIZE = 65_535;
    /** {@code DatabaseMetaData.getTables}: TABLE_SCHEM, TABLE_NAME and REMARKS. */
    private static final int TABLE_SCHEM = 2;

    private static final int TABLE_NAME = 3;
    private static final int REMARKS = 5;
    /** {@code DatabaseMetaData.getColumns}: DATA_TYPE and COLUMN_SIZE. */
    private static final int DATA_TYPE = 5;

    private static final int COLUMN_SIZE = 7;
    private static final Set<Integer> CHARACTER_TYPES =
            Set.of(Types.VARCHAR, Types.CHAR, Types.LONGVARCHAR, Types.NVARCHAR, Types.NCHAR, Types.LONGNVARCHAR);

    private WithColumnSizes() {}

    static DatabaseMetaData of(DatabaseMetaData metadata) {
        return (DatabaseMetaData) Proxy.newProxyInstance(
                WithColumnSizes.class.getClassLoader(),
                new Class<?>[] {DatabaseMetaData.class},
                (proxy, method, args) -> {
                    Object result = invoke(metadata, method, args);
                    if (method.getName().equals("getTables") && result instanceof ResultSet tables) {
                        return described(tables);
                    }
                    return method.getName().equals("getColumns") && result instanceof ResultSet columns
                            ? sized(columns)
                            : result;
                });
    }

    /** A query's rows whose metadata reports a size for character columns (Avatica sends it with the result). */
    static ResultSet of(ResultSet rows) {
        return (ResultSet) Proxy.newProxyInstance(
                WithColumnSizes.class.getClassLoader(), new Class<?>[] {ResultSet.class}, (proxy, method, args) -> {
                    Object result = invoke(rows, method, args);
                    return result instanceof ResultSetMetaData columns ? of(columns) : result;
                });
    }

    /** Metadata whose character columns have precision and display size {@value #VARCHAR_SIZE} instead of 0. */
    static ResultSetMetaData of(ResultSetMetaData columns) {
        return (ResultSetMetaData) Proxy.newProxyInstance(
                WithColumnSizes.class.getClassLoader(),
                new Class<?>[] {ResultSetMetaData.class},
                (proxy, method, args) -> {
                    Object result = invoke(columns, method, args);
                    if ((method.getName().equals("getPrecision")
                                    || method.getName().equals("getColumnDisplaySize"))
                            && result instanceof Integer size
                            && size <= 0
                            && CHARACTER_TYPES.contains(columns.getColumnType((Integer) args[0]))) {
                        return VARCHAR_SIZE;
                    }
                    return result;
                });
    }

    private static ResultSet sized(ResultSet columns) {
        return (ResultSet) Proxy.newProxyInstance(
                WithColumnSizes.class.getClassLoader(), new Class<?>[] {ResultSet.class}, (proxy, method, args) -> {
                    Object value = invoke(columns, method, args);
                    if (args != null
                            && args.length == 1
                            && isColumnSize(args[0])
                            && isEmptySize(value)
                            && CHARACTER_TYPES.contains(columns.getInt(DATA_TYPE))) {
                        return method.getReturnType() == int.class
                                ? (Object) VARCHAR_SIZE
                                : method.getReturnType() == long.class
                                        ? (Object) (long) VARCHAR_SIZE
                                        : (Object) VARCHAR_SIZE;
                    }
                    return value;
                });
    }

    /** {@code getTables} whose REMARKS, where Calcite has none, are the KPI views' descriptions. */
    private static ResultSet described(ResultSet tables) {
        return (ResultSet) Proxy.newProxyInstance(
                WithColumnSizes.class.getClassLoader(), new Class<?>[] {ResultSet.class}, (proxy, method, args) -> {
                    Object value = invoke(tables, method, args);
                    if (value == null
                            && args != null
                            && args.length == 1
                            && (Integer.valueOf(REMARKS).equals(args[0]) || "REMARKS".equals(args[0]))
                            && (method.getName().equals("getString")
                                    || method.getName().equals("getObject"))) {
                        return KpiDescriptions.warehouse()
                                .get(tables.getString(TABLE_SCHEM) + "." + tables.getString(TABLE_NAME));
                    }
                    return value;
                });
    }

    private static boolean isColumnSize(Object column) {
        return Integer.valueOf(COLUMN_SIZE).equals(column) || "COLUMN_SIZE".equals(column);
    }

    private static boolean isEmptySize(Object value) {
        return value == null || (value instanceof Number number && number.intValue() <= 0);
    }

    private static Object invoke(Object target, Method method, Object[] args) throws Throwable {
        try {
            return Accessible.of(method).invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
