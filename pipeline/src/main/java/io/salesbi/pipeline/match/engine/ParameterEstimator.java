package io.salesbi.pipeline.match.engine;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Estimates Fellegi–Sunter parameters from the data itself by expectation–maximisation over the candidate
 * pairs' comparison patterns (each distinct pattern once with its count, so millions of pairs cost a few
 * thousand pattern updates per iteration). EM starts from u probabilities measured on random record pairs
 * (almost all non-matches) and m probabilities from type priors, and re-estimates m, u and the match rate
 * among candidates: candidate non-matches share a blocking key and so agree more often than random pairs, and
 * keeping u at the random-pair rates lets EM mistake them for matches. With fewer than three weighted fields
 * the mixture is not identifiable, so only the match rate is estimated.
 */
final class ParameterEstimator {

    private static final Logger LOG = LoggerFactory.getLogger(ParameterEstimator.class);
    private static final double FLOOR = 1e-5;
    private static final long SEED = 20_240_611L;
    /** With fewer weighted fields the two-class mixture is not identifiable: m and u stay at priors and random pairs. */
    private static final int MIN_FIELDS_FOR_EM = 1;

    private final int randomPairs;
    private final int iterations;

    ParameterEstimator(int randomPairs, int iterations) {
        this.randomPairs = randomPairs;
        this.iterations = iterations;
    }

    ModelParameters estimate(List<String> names, List<PreparedField> fields, ComparisonMatrix candidates) {
        int fieldCount = fields.size();
        double[][] u = randomPairLevels(fields);
        double[][] m = new double[fieldCount][];
        for (int f = 0; f < fieldCount; f++) {
            m[f] = FieldPriors.m(fields.get(f).type());
        }
        Patterns patterns = Patterns.of(fields, candidates);
        double lambda = 0.1;
        for (int iteration = 0; iteration < iterations; iteration++) {
            double[][] mCount = new double[fieldCount][];
            double[][] uCount = new double[fieldCount][];
            for (int f = 0; f < fieldCount; f++) {
                mCount[f] = pseudoCounts(FieldPriors.m(fields.get(f).type()));
                uCount[f] = pseudoCounts(u[f]);
            }
            double matches = 0;
            double total = 0;
            for (int p = 0; p < patterns.count(); p++) {
                double logM = Math.log(lambda);
                double logU = Math.log(1 - lambda);
                for (int f = 0; f < fieldCount; f++) {
                    int level = patterns.level(p, f);
                    if (level >= 0) {
                        logM += Math.log(m[f][level]);
                        logU += Math.log(u[f][level]);
                    }
                }
                double g = 1 / (1 + Math.exp(logU - logM));
                double c = patterns.weight(p);
                matches += g * c;
                total += c;
                for (int f = 0; f < fieldCount; f++) {
                    int level = patterns.level(p, f);
                    if (level >= 0) {
                        mCount[f][level] += g * c;
                        uCount[f][level] += (1 - g) * c;
                    }
                }
            }
            double newLambda = Math.min(1 - FLOOR, Math.max(FLOOR, matches / Math.max(total, 1)));
            for (int f = 0; f < fieldCount; f++) {
                if (fieldCount >= MIN_FIELDS_FOR_EM) {
                    m[f] = normalize(mCount[f], m[f]);
                    u[f] = normalize(uCount[f], u[f]);
                }
            }
            boolean converged = Math.abs(newLambda - lambda) < 1e-7;
            lambda = newLambda;
            if (converged) {
                break;
            }
        }
        Map<String, double[]> mByName = new LinkedHashMap<>();
        Map<String, double[]> uByName = new LinkedHashMap<>();
        for (int f = 0; f < fieldCount; f++) {
            mByName.put(names.get(f), m[f]);
            uByName.put(names.get(f), u[f]);
        }
        LOG.debug("EM over {} patterns: lambda {}", patterns.count(), lambda);
        return new ModelParameters(lambda, mByName, uByName);
    }

    /** Level frequencies among random pairs, smoothed so that no level has probability zero. */
    private double[][] randomPairLevels(List<PreparedField> fields) {
        int n = fields.isEmpty() ? 0 : fields.get(0).value().length;
        double[][] counts = new double[fields.size()][];
        for (int f = 0; f < fields.size(); f++) {
            counts[f] = pseudoCounts(FieldPriors.u(fields.get(f).type()));
        }
        SplittableRandom random = new SplittableRandom(SEED);
        long possible = (long) n * (n - 1) / 2;
        int samples = (int) Math.min(randomPairs, possible);
        for (int s = 0; s < samples && n > 1; s++) {
            int a = random.nextInt(n);
            int b = random.nextInt(n - 1);
            if (b >= a) {
                b++;
            }
            for (int f = 0; f < fields.size(); f++) {
                int level = FieldComparator.compare(fields.get(f), a, b);
                if (level >= 0) {
                    counts[f][level]++;
                }
            }
        }
        for (int f = 0; f < fields.size(); f++) {
            counts[f] = normalize(counts[f], counts[f]);
        }
        return counts;
    }

    private static double[] pseudoCounts(double[] prior) {
        double[] counts = new double[prior.length];
        for (int l = 0; l < prior.length; l++) {
            counts[l] = prior[l] * FieldPriors.PSEUDO_PAIRS;
        }
        return counts;
    }

    private static double[] normalize(double[] counts, double[] fallback) {
        double sum = 0;
        for (double c : counts) {
            sum += c;
        }
        if (sum <= 0) {
            return fallback;
        }
        double[] p = new double[counts.length];
        for (int l = 0; l < counts.length; l++) {
            p[l] = Math.max(FLOOR, counts[l] / sum);
        }
        return p;
    }
}
