package io.salesbi.generator;

/**
 * How a company buys from the demo manufacturer.
 *
 * @param erpCustomer   false for prospects that only the CRM or a rep list knows
 * @param weight        relative size: the expected share of order documents
 * @param sizeQuantile  rank of the weight among ERP customers, 0 (smallest) to 1 (largest)
 * @param primary       the channel most orders come through
 * @param secondary     the channel of the remaining orders
 * @param shiftYear     from this year on the primary channel is {@code shiftTo} (0: no shift)
 * @param firstYear     first year with orders (later for new customers)
 * @param lastYear      last year with orders (earlier for lost customers)
 * @param growth        yearly growth of the customer's orders
 * @param discount      the customer's usual discount in its primary channel, fraction of list price
 * @param planted       planted as large by revenue but unprofitable after the cost to serve
 */
record BuyingProfile(
        boolean erpCustomer,
        double weight,
        double sizeQuantile,
        SalesChannel primary,
        SalesChannel secondary,
        int shiftYear,
        SalesChannel shiftTo,
        int firstYear,
        int lastYear,
        double growth,
        double discount,
        boolean planted) {

    SalesChannel primaryIn(int year) {
        return shiftYear != 0 && year >= shiftYear ? shiftTo : primary;
    }

    boolean activeIn(int year) {
        return erpCustomer && year >= firstYear && year <= lastYear;
    }
}
