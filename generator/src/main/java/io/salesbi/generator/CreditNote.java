package io.salesbi.generator;

/**
 * A credit note before numbering: the day, whom it credits, what for and how much (document currency cents).
 * {@code documentNo} and {@code productNo} are empty for yearly bonuses.
 */
record CreditNote(
        int dayOffset,
        String debtorNo,
        String documentNo,
        String productNo,
        long amountCents,
        String currency,
        String reason) {}
