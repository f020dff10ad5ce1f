package io.salesbi.match;

/** Customer ids: 'C' and seven digits, e.g. C0000123. */
final class CustomerIds {

    private CustomerIds() {}

    static String format(long number) {
        return String.format("C%07d", number);
    }

    /** The number of an id, or 0 for anything that is not of the form. */
    static long number(String customerId) {
        if (customerId == null || !customerId.matches("C\\d+")) {
            return 0;
        }
        return Long.parseLong(customerId.substring(1));
    }
}
