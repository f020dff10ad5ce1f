package io.salesbi.match;

/**
 * Where the matcher writes its result: the published tables in {@code core}, or their parked copies that the
 * nightly job publishes later ({@code staging.next_customer_xref} and so on). The previous run's ids are always
 * read from {@code core}.
 *
 * @param schema schema of the tables
 * @param prefix prefix of the table names before {@code customer_xref}, {@code customer_golden} ...
 */
public record MatchTables(String schema, String prefix) {

    /** The published tables: core.customer_xref, core.customer_golden ... */
    public static final MatchTables CORE = new MatchTables("core", "");

    /** The table name (without schema) of one of the matcher's tables, e.g. "next_customer_xref". */
    public String name(String table) {
        return prefix + table;
    }

    /** The qualified name of one of the matcher's tables, e.g. "staging.next_customer_xref". */
    public String qualified(String table) {
        return schema + "." + prefix + table;
    }
}
