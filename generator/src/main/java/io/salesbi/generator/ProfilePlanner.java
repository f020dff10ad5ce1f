package io.salesbi.generator;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * Decides for every company whether it buys, how much, through which channels and at what discount; plants the
 * customers that are large by revenue but unprofitable once visits, tickets and special deliveries are counted.
 */
final class ProfilePlanner {

    static final double ERP_CUSTOMER_SHARE = 0.80;
    static final double CHANNEL_SHIFT_SHARE = 0.15;
    /** Share of ERP debtors without orders in the three years (last bought earlier, still in the master data). */
    static final double DORMANT_SHARE = 0.04;

    private final Rng rng;

    ProfilePlanner(Rng rng) {
        this.rng = rng;
    }

    BuyingProfile[] plan(List<Company> companies, int plantedCount) {
        int n = companies.size();
        boolean[] erp = new boolean[n];
        double[] weight = new double[n];
        List<Integer> customers = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            erp[i] = rng.chance(ERP_CUSTOMER_SHARE);
            weight[i] = Math.exp(1.25 * rng.gaussian());
            if (erp[i]) {
                customers.add(i);
            }
        }
        boolean[] planted = plant(companies, customers, weight, plantedCount);
        double[] quantile = quantiles(customers, weight, n);
        BuyingProfile[] profiles = new BuyingProfile[n];
        for (int i = 0; i < n; i++) {
            profiles[i] = profile(companies.get(i), erp[i], weight[i], quantile[i], planted[i]);
        }
        return profiles;
    }

    /**
     * Picks mid-sized domestic customers and lifts them above the 95th percentile of weights, so that they end up
     * among the top customers by revenue even after their deep discounts.
     */
    private boolean[] plant(List<Company> companies, List<Integer> customers, double[] weight, int count) {
        boolean[] planted = new boolean[weight.length];
        if (customers.isEmpty()) {
            return planted;
        }
        double[] sorted =
                customers.stream().mapToDouble(i -> weight[i]).sorted().toArray();
        double p95 = sorted[Math.min(sorted.length - 1, (int) (0.95 * sorted.length))];
        List<Integer> candidates = new ArrayList<>();
        for (int i : customers) {
            if (companies.get(i).domestic() && weight[i] < p95) {
                candidates.add(i);
            }
        }
        for (int k = 0; k < count && !candidates.isEmpty(); k++) {
            int i = candidates.remove(rng.nextInt(candidates.size()));
            planted[i] = true;
            weight[i] = p95 * rng.between(1.6, 2.4);
        }
        return planted;
    }

    private static double[] quantiles(List<Integer> customers, double[] weight, int n) {
        Integer[] order = customers.toArray(new Integer[0]);
        Arrays.sort(order, Comparator.comparingDouble((Integer i) -> weight[i]).thenComparingInt(i -> i));
        double[] quantile = new double[n];
        for (int r = 0; r < order.length; r++) {
            quantile[order[r]] = order.length == 1 ? 1.0 : (double) r / (order.length - 1);
        }
        return quantile;
    }

    private BuyingProfile profile(Company company, boolean erp, double weight, double q, boolean planted) {
        SalesChannel primary = planted ? SalesChannel.AUSSENDIENST : primaryChannel(company, q);
        SalesChannel secondary = switch (primary) {
            case AUSSENDIENST -> rng.chance(0.5) ? SalesChannel.INNENDIENST : SalesChannel.E_SHOP;
            case INNENDIENST, MARKTPLATZ -> SalesChannel.E_SHOP;
            case E_SHOP, HANDELSPARTNER -> SalesChannel.INNENDIENST;
            case EDI -> SalesChannel.AUSSENDIENST;
        };
        int shiftYear = 0;
        if (!planted
                && q < 0.85
                && (primary == SalesChannel.AUSSENDIENST || primary == SalesChannel.INNENDIENST)
                && rng.chance(CHANNEL_SHIFT_SHARE)) {
            shiftYear = rng.chance(0.5) ? 2024 : 2025;
        }
        int firstYear = planted ? 2023 : yearOf(rng.nextDouble(), 0.88, 0.94);
        double lost = rng.nextDouble();
        int lastYear = planted || lost < 0.93 ? 2025 : lost < 0.97 ? 2024 : 2023;
        if (lastYear < firstYear) {
            lastYear = firstYear;
        }
        if (!planted && rng.chance(DORMANT_SHARE)) {
            firstYear = 0;
            lastYear = 0;
        }
        double growth = planted ? 0.04 : 0.03 + 0.10 * rng.gaussian();
        double discount = planted
                ? rng.between(0.28, 0.34)
                : rng.between(primary.discountLo, primary.discountHi)
                        + (primary == SalesChannel.AUSSENDIENST || primary == SalesChannel.EDI ? 0.04 * (q - 0.5) : 0);
        return new BuyingProfile(
                erp,
                weight,
                q,
                primary,
                secondary,
                shiftYear,
                SalesChannel.E_SHOP,
                firstYear,
                lastYear,
                growth,
                discount,
                planted);
    }

    /** 2023 below p1, 2024 below p2, else 2025. */
    private static int yearOf(double u, double p1, double p2) {
        return u < p1 ? 2023 : u < p2 ? 2024 : 2025;
    }

    private SalesChannel primaryChannel(Company company, double q) {
        double[] weights;
        if (!company.domestic()) {
            weights = new double[] {15, 30, 15, 0, 40, 0};
        } else if (q > 0.85) {
            weights = new double[] {55, 10, 0, 35, 0, 0};
        } else if (q > 0.5) {
            weights = new double[] {40, 28, 10, 5, 12, 5};
        } else {
            weights = new double[] {5, 22, 28, 0, 20, 25};
        }
        return SalesChannel.values()[rng.weighted(weights)];
    }
}
