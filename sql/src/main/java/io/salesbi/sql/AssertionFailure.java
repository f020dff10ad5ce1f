package io.salesbi.sql;

/**
 * One violation found by a pre-publish check.
 *
 * @param script  the check, e.g. {@code sql/assert/10_revenue_reconciles.sql}
 * @param message what is wrong, with the values that show it
 */
public record AssertionFailure(String script, String message) {

    @Override
    public String toString() {
        return script + ": " + message;
    }
}
