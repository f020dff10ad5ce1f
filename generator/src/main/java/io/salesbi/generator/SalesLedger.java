package io.salesbi.generator;

/**
 * What the order lines added up to, in EUR, for the files that are derived from sales: market volumes, channel
 * costs, cost-to-serve drivers, wallet estimates and the planted unprofitable customers.
 */
final class SalesLedger {

    static final String[] REGIONS = {"Nord", "Süd", "West", "Ost", "Export"};
    static final int YEARS = GeneratorSettings.LAST_YEAR - GeneratorSettings.FIRST_YEAR + 1;

    final double[][] revenueByCompanyYear;
    final double[][] marginByCompanyYear;
    final long[][] docCurrencyCentsByCompanyYear;
    final int[][] linesByDebtorYear;
    final double[][] revenueByChannelMonth = new double[SalesChannel.values().length][FxRates.MONTHS];
    final double[][][] revenueBySegment = new double[Industry.values().length][REGIONS.length][YEARS];
    /** The first order document of a company in a month (months since January of the first year), 0 for none. */
    final long[][] firstDocumentByCompanyMonth;
    /** Revenue and margin (revenue - cost of goods) per channel, sales region and month: the sales plan's basis. */
    final double[][][] revenueByChannelRegionMonth =
            new double[SalesChannel.values().length][REGIONS.length][FxRates.MONTHS];

    final double[][][] marginByChannelRegionMonth =
            new double[SalesChannel.values().length][REGIONS.length][FxRates.MONTHS];
    long orderLines;
    long creditNotes;

    SalesLedger(int companies, int debtors) {
        revenueByCompanyYear = new double[companies][YEARS];
        marginByCompanyYear = new double[companies][YEARS];
        docCurrencyCentsByCompanyYear = new long[companies][YEARS];
        linesByDebtorYear = new int[debtors][YEARS];
        firstDocumentByCompanyMonth = new long[companies][FxRates.MONTHS];
    }

    /** An order document of the company from the month or the next one, "" when it ordered in neither. */
    String documentOf(int company, int month) {
        for (int m = month; m <= month + 1 && m < FxRates.MONTHS; m++) {
            if (m >= 0 && firstDocumentByCompanyMonth[company][m] != 0) {
                return Long.toString(firstDocumentByCompanyMonth[company][m]);
            }
        }
        return "";
    }

    static int regionIndex(String region) {
        for (int i = 0; i < REGIONS.length; i++) {
            if (REGIONS[i].equals(region)) {
                return i;
            }
        }
        throw new IllegalArgumentException("unknown sales region " + region);
    }

    double revenue(int company) {
        double sum = 0;
        for (double r : revenueByCompanyYear[company]) {
            sum += r;
        }
        return sum;
    }
}
