package io.salesbi.generator;

/**
 * The sales channels as the ERP spells them, with the discount customers get there and what the channel costs
 * (as a share of its net revenue, per cost type of the controlling sheet).
 *
 * <p>Field sales grants the deepest direct discounts and costs the most; the web shop sells near list price at low
 * cost; the marketplace sells cheaper every year (price erosion, {@link #erosionPerYear}) and pays high fees.
 */
enum SalesChannel {
    AUSSENDIENST("Außendienst", 0.12, 0.28, 0, 2.0, new double[] {0.150, 0.045, 0.020, 0.0, 0.010}),
    INNENDIENST("Innendienst", 0.06, 0.16, 0, 2.0, new double[] {0.070, 0.002, 0.0, 0.0, 0.005}),
    E_SHOP("E-Shop", 0.00, 0.04, 0, 0.8, new double[] {0.020, 0.0, 0.0, 0.030, 0.045}),
    EDI("EDI", 0.10, 0.22, 0, 4.0, new double[] {0.015, 0.0, 0.0, 0.012, 0.002}),
    HANDELSPARTNER("Handelspartner", 0.25, 0.35, 0, 2.0, new double[] {0.020, 0.004, 0.030, 0.0, 0.015}),
    MARKTPLATZ("Marktplatz", 0.14, 0.20, 0.03, 0.8, new double[] {0.020, 0.0, 0.0, 0.150, 0.040});

    /** Cost types of the controlling sheet, in the order of {@link #costRatios}. */
    static final String[] COST_TYPES = {"Personal", "Reisekosten", "Provisionen", "Plattformgebühren", "Marketing"};

    final String erpName;
    final double discountLo;
    final double discountHi;
    final double erosionPerYear;
    /** Mean number of lines per order document beyond the first: EDI orders are long, shop orders short. */
    final double extraLinesPerDocument;

    final double[] costRatios;

    SalesChannel(
            String erpName,
            double discountLo,
            double discountHi,
            double erosionPerYear,
            double extraLinesPerDocument,
            double[] costRatios) {
        this.erpName = erpName;
        this.discountLo = discountLo;
        this.discountHi = discountHi;
        this.erosionPerYear = erosionPerYear;
        this.extraLinesPerDocument = extraLinesPerDocument;
        this.costRatios = costRatios;
    }
}
