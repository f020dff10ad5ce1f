package io.salesbi.generator;

import java.util.Arrays;

/**
 * Decides how many order documents each ERP customer places and on which working days: in proportion to its size,
 * growing or shrinking by its own rate plus the market's, only in its active years, with the seasonality of the
 * calendar. Returns the documents sorted by day, packed into longs so that sorting half a million is cheap.
 */
final class OrderPlanner {

    /** Share of a customer's documents in its primary channel; the rest goes through its secondary channel. */
    static final double PRIMARY_CHANNEL_SHARE = 0.8;

    static final int MAX_LINES_PER_DOCUMENT = 20;
    static final double[] MARKET_GROWTH = {1.00, 1.04, 1.08};
    private static final int COMPANY_SHIFT = 30;
    private static final int DAY_SHIFT = 52;

    private final Rng rng;
    private final OrderCalendar calendar;

    OrderPlanner(Rng rng, OrderCalendar calendar) {
        this.rng = rng;
        this.calendar = calendar;
    }

    /** Documents as packed keys: day, company index, sequence; sorted by day then company. */
    long[] plan(BuyingProfile[] profiles, long targetLines) {
        int n = profiles.length;
        double[][] yearWeights = new double[n][SalesLedger.YEARS];
        double[] total = new double[n];
        double norm = 0;
        for (int i = 0; i < n; i++) {
            BuyingProfile p = profiles[i];
            for (int y = 0; y < SalesLedger.YEARS; y++) {
                if (p.activeIn(GeneratorSettings.FIRST_YEAR + y)) {
                    yearWeights[i][y] = MARKET_GROWTH[y] * Math.pow(1 + p.growth(), y);
                    total[i] += yearWeights[i][y];
                }
            }
            norm += p.weight() * total[i];
        }
        long[] keys = new long[(int) (targetLines / 2.0) + n + 16];
        int count = 0;
        for (int i = 0; i < n; i++) {
            if (total[i] == 0) {
                continue;
            }
            double lines = targetLines * profiles[i].weight() * total[i] / norm;
            int docs = Math.max(1, rng.stochasticRound(lines / meanLinesPerDocument(profiles[i])));
            for (int seq = 0; seq < docs; seq++) {
                int year = rng.weighted(yearWeights[i]);
                int month = year * 12 + rng.weighted(OrderCalendar.SEASONALITY);
                long day = calendar.workday(month, rng);
                if (count == keys.length) {
                    keys = Arrays.copyOf(keys, keys.length * 2);
                }
                keys[count++] = (day << DAY_SHIFT) | ((long) i << COMPANY_SHIFT) | seq;
            }
        }
        long[] sorted = Arrays.copyOf(keys, count);
        Arrays.sort(sorted);
        return sorted;
    }

    /** Expected lines per document of the customer, from its channel mix (ignoring a later channel shift). */
    static double meanLinesPerDocument(BuyingProfile p) {
        return 1
                + PRIMARY_CHANNEL_SHARE * p.primary().extraLinesPerDocument
                + (1 - PRIMARY_CHANNEL_SHARE) * p.secondary().extraLinesPerDocument;
    }

    static int day(long key) {
        return (int) (key >>> DAY_SHIFT);
    }

    static int company(long key) {
        return (int) ((key >>> COMPANY_SHIFT) & ((1L << (DAY_SHIFT - COMPANY_SHIFT)) - 1));
    }
}
