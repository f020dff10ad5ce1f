package io.salesbi.generator;

/**
 * Monthly exchange rates as the ERP keeps them: units of the currency per 1 EUR, four decimals, a random walk
 * around realistic levels. EUR itself has the rate 1.
 */
final class FxRates {

    static final String[] CURRENCIES = {"CHF", "GBP", "PLN", "USD"};
    private static final double[] START = {0.9850, 0.8850, 4.6800, 1.0700};
    static final int MONTHS = (GeneratorSettings.LAST_YEAR - GeneratorSettings.FIRST_YEAR + 1) * 12;

    /** [currency][month since Jan of the first year], in ten-thousandths. */
    private final long[][] rates = new long[CURRENCIES.length][MONTHS];

    FxRates(Rng rng) {
        for (int c = 0; c < CURRENCIES.length; c++) {
            double rate = START[c];
            for (int m = 0; m < MONTHS; m++) {
                rates[c][m] = Math.round(rate * 10000);
                rate *= 1 + 0.012 * rng.gaussian();
            }
        }
    }

    /** Units of the currency per EUR in ten-thousandths (10000 for EUR). */
    long rate(String currency, int month) {
        int c = index(currency);
        return c < 0 ? 10000 : rates[c][month];
    }

    static int index(String currency) {
        for (int c = 0; c < CURRENCIES.length; c++) {
            if (CURRENCIES[c].equals(currency)) {
                return c;
            }
        }
        return -1;
    }
}
