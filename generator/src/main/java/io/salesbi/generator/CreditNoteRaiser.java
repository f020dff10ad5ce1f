package io.salesbi.generator;

/**
 * Raises credit notes: for single order lines (complaints, returns, price corrections, transport damage, goodwill)
 * a few days to weeks after the invoice, and yearly bonuses for framework customers. Together about 1 to 2% of
 * revenue.
 */
final class CreditNoteRaiser {

    static final String[] REASONS = {"Reklamation", "Retoure", "Preisdifferenz", "Transportschaden", "Kulanz"};
    private static final double[] REASON_WEIGHTS = {35, 25, 25, 10, 5};
    /** Share of the line value credited, per reason: low and high end. */
    private static final double[][] SHARE = {{0.2, 1.0}, {0.2, 1.0}, {0.02, 0.15}, {0.3, 1.0}, {0.05, 0.3}};

    static final String BONUS_REASON = "Jahresbonus";
    static final double BONUS_RATE = 0.01;

    private final Rng rng;
    private final int lastDay;

    CreditNoteRaiser(Rng rng, int lastDay) {
        this.rng = rng;
        this.lastDay = lastDay;
    }

    CreditNote forLine(int day, String debtorNo, String documentNo, String productNo, long lineCents, String currency) {
        int reason = rng.weighted(REASON_WEIGHTS);
        long amount = Math.max(100, Math.round(lineCents * rng.between(SHARE[reason][0], SHARE[reason][1])));
        int creditDay = Math.min(lastDay, day + rng.intBetween(3, 45));
        return new CreditNote(creditDay, debtorNo, documentNo, productNo, amount, currency, REASONS[reason]);
    }

    /** The yearly bonus on a customer's revenue of the year, credited in mid-December. */
    static CreditNote bonus(int dayOfDecember15, String debtorNo, long yearCents, String currency) {
        return new CreditNote(
                dayOfDecember15, debtorNo, "", "", Math.round(yearCents * BONUS_RATE), currency, BONUS_REASON);
    }
}
