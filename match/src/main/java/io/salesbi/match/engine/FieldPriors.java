package io.salesbi.match.engine;

/**
 * Prior m and u probabilities per field type, from experience with business and person records. They enter the
 * estimation as a few pseudo-pairs, so they steer small data sets (a few dozen records, where EM alone is
 * unstable) and vanish in large ones.
 */
final class FieldPriors {

    /** Weight of the priors, in pairs. */
    static final double PSEUDO_PAIRS = 50;

    private FieldPriors() {}

    static double[] m(FieldType type) {
        return switch (type) {
            case COMPANY -> new double[] {0.65, 0.15, 0.1, 0.05, 0.05};
            case NAME, GIVEN_NAME, SURNAME -> new double[] {0.75, 0.1, 0.05, 0.05, 0.05};
            case ADDRESS -> new double[] {0.7, 0.15, 0.1, 0.05};
            case STREET -> new double[] {0.75, 0.12, 0.05, 0.08};
            case HOUSE_NUMBER -> new double[] {0.85, 0.05, 0.1};
            case POSTCODE -> new double[] {0.85, 0.05, 0.05, 0.05};
            case CITY -> new double[] {0.85, 0.08, 0.07};
            case COUNTRY -> new double[] {0.97, 0.03};
            case PHONE -> new double[] {0.7, 0.1, 0.2};
            case EMAIL -> new double[] {0.6, 0.1, 0.3};
            case DATE -> new double[] {0.85, 0.07, 0.03, 0.05};
            case TEXT -> new double[] {0.7, 0.1, 0.08, 0.06, 0.06};
            case PERSONS -> new double[] {0.6, 0.2, 0.1, 0.05, 0.05};
            case YEAR -> new double[] {0.85, 0.1, 0.05};
            case WEBSITE, VAT_ID, STRONG_ID, EXACT -> new double[] {0.85, 0.15};
        };
    }

    /** Highest share of true matches that may disagree completely on a field of this type (1 = no limit). */
    static double maxDisagreement(FieldType type) {
        return switch (type) {
            case COMPANY, NAME, GIVEN_NAME, SURNAME -> 0.3;
            case DATE -> 0.4;
            default -> 1.0;
        };
    }

    static double[] u(FieldType type) {
        return switch (type) {
            case COMPANY -> new double[] {0.0005, 0.001, 0.005, 0.02, 0.9735};
            case NAME, GIVEN_NAME, SURNAME -> new double[] {0.005, 0.003, 0.005, 0.01, 0.977};
            case ADDRESS -> new double[] {0.0005, 0.001, 0.01, 0.9885};
            case STREET -> new double[] {0.002, 0.002, 0.02, 0.976};
            case HOUSE_NUMBER -> new double[] {0.02, 0.01, 0.97};
            case POSTCODE -> new double[] {0.002, 0.003, 0.05, 0.945};
            case CITY -> new double[] {0.02, 0.005, 0.975};
            case COUNTRY -> new double[] {0.7, 0.3};
            case PHONE, EMAIL -> new double[] {0.0005, 0.001, 0.9985};
            case DATE -> new double[] {0.0005, 0.001, 0.02, 0.9785};
            case TEXT -> new double[] {0.005, 0.003, 0.005, 0.02, 0.967};
            case PERSONS -> new double[] {0.0005, 0.0005, 0.001, 0.01, 0.988};
            case YEAR -> new double[] {0.1, 0.2, 0.7};
            case WEBSITE, VAT_ID, STRONG_ID -> new double[] {0.001, 0.999};
            case EXACT -> new double[] {0.05, 0.95};
        };
    }
}
