package io.salesbi.sql;

import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a restricted role ({@code regional_manager}) may see of one warehouse relation. Written
 * {@code region(<column>)}, {@code customer(<column>)}, {@code aggregate} or {@code hidden}: in a KPI view's header
 * ({@code -- Policy: ...}) or in {@code db/migration/core.policy} (see {@link RowPolicies}).
 *
 * @param kind   how rows are scoped
 * @param column the column the scope reads (lower case); {@code null} for {@link Kind#AGGREGATE} and
 *               {@link Kind#HIDDEN}
 */
public record RowPolicy(Kind kind, String column) {

    /** The golden customers whose region decides a {@link Kind#CUSTOMER} policy. */
    public static final String CUSTOMER_REGIONS = "core.customer_golden";
    /** The column of a customer id: an {@link Kind#AGGREGATE} relation must not have it. */
    public static final String CUSTOMER_COLUMN = "customer_id";
    /** The region column of {@link #CUSTOMER_REGIONS}. */
    public static final String REGION_COLUMN = "sales_region";

    private static final Pattern SYNTAX =
            Pattern.compile("(region|customer)\\(\\s*([a-z_][a-z0-9_]*)\\s*\\)|aggregate|hidden");

    /** How the rows of a relation are scoped for a restricted role. */
    public enum Kind {
        /** Only rows whose column holds one of the user's regions (rows with a null region are not shown). */
        REGION,
        /** Only rows whose column holds a golden customer of the user's regions (null customers are not shown). */
        CUSTOMER,
        /** No customer detail: shown whole. */
        AGGREGATE,
        /** Not visible at all. */
        HIDDEN
    }

    public RowPolicy {
        if ((kind == Kind.REGION || kind == Kind.CUSTOMER) != (column != null)) {
            throw new IllegalArgumentException(
                    "row policy " + kind + " " + (column == null ? "needs" : "takes no") + " column");
        }
    }

    public static final RowPolicy HIDDEN = new RowPolicy(Kind.HIDDEN, null);

    /**
     * Parses {@code region(sales_region)}, {@code customer(customer_id)}, {@code aggregate} or {@code hidden}.
     *
     * @param where named in the message of a malformed policy, e.g. the script and view
     */
    public static RowPolicy parse(String text, String where) {
        String policy = text.strip().toLowerCase(Locale.ROOT);
        Matcher matcher = SYNTAX.matcher(policy);
        if (!matcher.matches()) {
            throw new IllegalArgumentException(
                    "%s: row policy '%s' is not one of region(<column>), customer(<column>), "
                                    .formatted(where, text.strip())
                            + "aggregate, hidden");
        }
        return switch (policy) {
            case "aggregate" -> new RowPolicy(Kind.AGGREGATE, null);
            case "hidden" -> HIDDEN;
            default -> new RowPolicy(matcher.group(1).equals("region") ? Kind.REGION : Kind.CUSTOMER, matcher.group(2));
        };
    }

    /**
     * Why this policy does not fit a relation with these columns (matched case-insensitively), or {@code null} when
     * it does: a hidden relation is never served, a region or customer policy needs its column, and an aggregate
     * must not carry customer detail.
     */
    public String misfit(List<String> columnNames) {
        List<String> columns =
                columnNames.stream().map(name -> name.toLowerCase(Locale.ROOT)).toList();
        return switch (kind) {
            case HIDDEN -> "its row policy is hidden";
            case REGION, CUSTOMER ->
                columns.contains(column) ? null : "row policy " + this + " names a column it does not have";
            case AGGREGATE ->
                columns.contains(CUSTOMER_COLUMN)
                        ? "row policy aggregate, but it has customer detail (column " + CUSTOMER_COLUMN + ")"
                        : null;
        };
    }

    /** As written in a header or declaration file. */
    @Override
    public String toString() {
        String name = kind.name().toLowerCase(Locale.ROOT);
        return column == null ? name : name + "(" + column + ")";
    }

    /** One sentence for the documentation. */
    public String describe() {
        return switch (kind) {
            case REGION -> "rows whose `" + column + "` is one of the user's regions";
            case CUSTOMER ->
                "rows whose `" + column + "` is a golden customer of the user's regions (" + CUSTOMER_REGIONS + "."
                        + REGION_COLUMN + ")";
            case AGGREGATE -> "no customer detail: shown whole";
            case HIDDEN -> "not visible";
        };
    }
}
