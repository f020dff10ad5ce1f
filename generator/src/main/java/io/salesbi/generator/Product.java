package io.salesbi.generator;

/**
 * A catalogue article.
 *
 * @param listCents     list price in euro cents per unit
 * @param costCents     standard cost in euro cents per unit
 * @param quantityStep  order quantities are multiples of this many thousandths of a unit (1000 = whole units)
 */
record Product(
        String productNo,
        String name,
        ProductCategory category,
        long listCents,
        long costCents,
        String unit,
        int quantityStep) {}
