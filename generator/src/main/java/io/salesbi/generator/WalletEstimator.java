package io.salesbi.generator;

/**
 * What sales people estimate a customer spends per year on drive and automation technology (wallet) and the
 * potential not yet won: derived from the actual revenue (customers) or the size (prospects), with the
 * estimator's uncertainty, rounded as people round.
 */
final class WalletEstimator {

    private final BuyingProfile[] profiles;
    private final SalesLedger ledger;
    private final double annualRevenuePerWeight;

    WalletEstimator(BuyingProfile[] profiles, SalesLedger ledger) {
        this.profiles = profiles;
        this.ledger = ledger;
        double revenue = 0;
        double weight = 0;
        for (int i = 0; i < profiles.length; i++) {
            if (profiles[i].erpCustomer()) {
                revenue += ledger.revenue(i);
                weight += profiles[i].weight();
            }
        }
        this.annualRevenuePerWeight = weight == 0 ? 0 : revenue / SalesLedger.YEARS / weight;
    }

    /** Own revenue per year over the years the customer was active (0 for prospects). */
    double annualRevenue(int company) {
        BuyingProfile p = profiles[company];
        int years = 0;
        for (int y = 0; y < SalesLedger.YEARS; y++) {
            if (p.activeIn(GeneratorSettings.FIRST_YEAR + y)) {
                years++;
            }
        }
        return years == 0 ? 0 : ledger.revenue(company) / years;
    }

    long walletEur(int company, Rng rng) {
        double annual = annualRevenue(company);
        double wallet = annual > 0
                ? annual / rng.between(0.25, 0.8)
                : profiles[company].weight() * annualRevenuePerWeight / rng.between(0.3, 1.0);
        return Math.max(1000, Math.round(wallet / 1000) * 1000);
    }

    long potentialEur(int company, Rng rng) {
        double potential = walletEur(company, rng) - annualRevenue(company);
        return Math.max(5000, Math.round(potential / 5000) * 5000);
    }
}
