package io.salesbi.sql;

import java.text.Normalizer;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The sales regions one restricted account ({@code regional_manager}) sees, and what a {@link RowPolicy} lets
 * through for them as a SQL condition. The JDBC endpoint builds the same filter into its Calcite plans; the
 * dashboards' regional page sets run their queries against views holding {@code select * from <relation> where
 * <condition>}. Both read the one declaration in {@link RowPolicies}.
 *
 * @param regions the {@code sales_region} values, sorted so the SQL and the folder name are the same on every run
 */
public record RegionScope(SortedSet<String> regions) {

    /** The folder, below the dashboards folder, that holds the regional page sets: {@code regions/<name>/}. */
    public static final String PAGE_SETS_FOLDER = "regions";

    public RegionScope {
        if (regions == null || regions.isEmpty()) {
            throw new IllegalArgumentException("a region scope needs at least one sales_region value");
        }
        for (String region : regions) {
            if (region == null || region.isBlank()) {
                throw new IllegalArgumentException("a region scope has a blank sales_region value: " + regions);
            }
        }
        regions = java.util.Collections.unmodifiableSortedSet(new TreeSet<>(regions));
    }

    public static RegionScope of(Collection<String> regions) {
        return new RegionScope(regions == null ? new TreeSet<>() : new TreeSet<>(regions));
    }

    /**
     * The SQL condition over a relation's own columns that keeps the rows {@code policy} shows these regions:
     * {@code <column> in (<regions>)}, a sub-query on {@value RowPolicy#CUSTOMER_REGIONS} for a customer policy,
     * {@code true} for an aggregate and {@code false} for a hidden relation. Rows whose column is null drop out,
     * as in the endpoint's filter.
     */
    public String condition(RowPolicy policy) {
        return switch (policy.kind()) {
            case REGION -> quoted(policy.column()) + " in (" + literals() + ")";
            case CUSTOMER ->
                quoted(policy.column()) + " in (select " + RowPolicy.CUSTOMER_COLUMN + " from "
                        + RowPolicy.CUSTOMER_REGIONS + " where " + RowPolicy.REGION_COLUMN + " in (" + literals()
                        + "))";
            case AGGREGATE -> "true";
            case HIDDEN -> "false";
        };
    }

    /**
     * The name of this scope's page set folder: each region lower case, German umlauts and ß spelled out, accents
     * dropped, every other run of characters but letters and digits a {@code -}; several regions joined by
     * {@code _} (e.g. {@code nord}, {@code nord_sued}). Used by the dashboards to write and by the server to find a
     * regional manager's pages.
     */
    public String folderName() {
        return regions.stream().map(RegionScope::slug).collect(Collectors.joining("_"));
    }

    /** The regions as the pages and messages name them, e.g. {@code Nord, Süd}. */
    public String label() {
        return String.join(", ", regions);
    }

    /** The regions as a list, sorted. */
    public List<String> list() {
        return List.copyOf(regions);
    }

    static String slug(String region) {
        String spelled = region.strip()
                .toLowerCase(Locale.ROOT)
                .replace("ä", "ae")
                .replace("ö", "oe")
                .replace("ü", "ue")
                .replace("ß", "ss");
        String ascii = Normalizer.normalize(spelled, Normalizer.Form.NFD).replaceAll("\\p{M}+", "");
        String slug = ascii.replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
        // a region of nothing but symbols still needs a name of its own
        return slug.isEmpty() ? "region-" + Integer.toHexString(region.hashCode()) : slug;
    }

    private String literals() {
        return regions.stream().map(r -> "'" + r.replace("'", "''") + "'").collect(Collectors.joining(", "));
    }

    private static String quoted(String column) {
        return "\"" + column + "\"";
    }
}
