package io.salesbi.match.engine;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Estimates Fellegi–Sunter parameters from the data itself by expectation–maximisation over comparison
 * patterns (each distinct pattern once with its count, so millions of pairs cost a few thousand pattern
 * updates per iteration). The data EM sees is the population of all record pairs: the candidate pairs as they
 * are, plus a fixed-seed sample of random pairs weighted to stand for all the pairs blocking did not propose.
 * Anchored that way, the non-match class is what random pairs look like and the match class has to explain
 * the excess agreement among candidates; EM over candidates alone latches onto whatever structure dominates
 * them (same street, same surname) and was seen to fail on lists with few fields. m starts from type priors,
 * u from the random pairs; lambda is the match probability of two random records.
 */
final class ParameterEstimator {

    private static final Logger LOG = LoggerFactory.getLogger(ParameterEstimator.class);
    private static final double FLOOR = 1e-5;
    private static final long SEED = 20_240_611L;

    /**
     * EM stops when it has converged: lambda moved by less than this share of itself and no m or u probability by
     * more than this. It used to stop when lambda moved by less than 1e-7 in absolute terms, which at a million
     * records (lambda about 2e-6) stopped after one or two iterations with m still moving by 0.3 (issue #18); on
     * small lists (lambda about 5e-4) the two rules nearly agree. Iterating on had lowered precision at a million
     * records from 0.87 to 0.61, because organisations of one name whose numbered e-mail domains were read as
     * typos, and whose website repeated their e-mail's domain, looked like duplicates twice over; with those
     * comparisons fixed ({@link FieldComparator}, {@link ImpliedFields}) the converged estimate is the better one.
     */
    private static final double TOLERANCE = 1e-4;

    private final int randomPairs;
    private final int iterations;

    ParameterEstimator(int randomPairs, int iterations) {
        this.randomPairs = randomPairs;
        this.iterations = iterations;
    }

    EmEstimate estimate(
            List<String> names, List<PreparedField> fields, ComparisonMatrix candidates, ImpliedFields implied) {
        return estimate(names, fields, candidates, implied, TrainingLabels.none());
    }

    EmEstimate estimate(
            List<String> names,
            List<PreparedField> fields,
            ComparisonMatrix candidates,
            ImpliedFields implied,
            TrainingLabels training) {
        return estimate(names, fields, candidates, implied, training, null);
    }

    /**
     * With a linkage, the population is the pairs across its two lists (n1 × n2), the random pairs are drawn across
     * them and the prior is bounded by the larger list.
     */
    EmEstimate estimate(
            List<String> names,
            List<PreparedField> fields,
            ComparisonMatrix candidates,
            ImpliedFields implied,
            TrainingLabels training,
            Linkage linkage) {
        int fieldCount = fields.size();
        ComparisonMatrix random = randomPairs(fields, implied, linkage);
        double[][] u = levelFrequencies(fields, random);
        double[][] m = new double[fieldCount][];
        for (int f = 0; f < fieldCount; f++) {
            m[f] = FieldPriors.m(fields.get(f).type());
        }
        boolean[] labelled = new boolean[fieldCount];
        double[][] fromLabels = labelledM(fields, implied, training.matches());
        for (int f = 0; f < fieldCount; f++) {
            if (fromLabels[f] != null) {
                m[f] = fromLabels[f];
                labelled[f] = true;
            }
        }
        int n = fields.isEmpty() ? 0 : fields.get(0).value().length;
        long[] lists = linkage == null ? null : linkage.counts();
        double allPairs = lists == null ? (double) n * (n - 1) / 2 : (double) lists[0] * lists[1];
        double population = Math.max(0, allPairs - candidates.pairCount()) / Math.max(1, random.pairCount());
        Patterns patterns = Patterns.concat(Patterns.of(fields, candidates), Patterns.of(fields, random), population);
        double[] lambdaBounds = lists == null ? lambdaBounds(n) : lambdaBounds((int) Math.max(lists[0], lists[1]) + 1);
        double lambda = clamp(candidates.pairCount() / Math.max(1.0, allPairs) * 0.1, lambdaBounds);
        int iteration = 0;
        double lastChange = 0;
        boolean settled = false;
        boolean bounded = false;
        while (iteration < iterations && !settled) {
            iteration++;
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
            double unbounded = matches / Math.max(total, 1);
            double newLambda = clamp(unbounded, lambdaBounds);
            bounded = newLambda != unbounded;
            lastChange = Math.abs(newLambda - lambda) / lambda;
            for (int f = 0; f < fieldCount; f++) {
                FieldType type = fields.get(f).type();
                double[] newM = labelled[f]
                        ? m[f]
                        : ProbabilityBounds.boundM(
                                capDisagreement(normalize(mCount[f], m[f]), FieldPriors.maxDisagreement(type)),
                                linkage != null);
                double[] newU = ProbabilityBounds.boundU(normalize(uCount[f], u[f]), type);
                lastChange = Math.max(lastChange, Math.max(largestChange(m[f], newM), largestChange(u[f], newU)));
                m[f] = newM;
                u[f] = newU;
            }
            settled = lastChange < TOLERANCE;
            lambda = newLambda;
        }
        Map<String, double[]> mByName = new LinkedHashMap<>();
        Map<String, double[]> uByName = new LinkedHashMap<>();
        for (int f = 0; f < fieldCount; f++) {
            mByName.put(names.get(f), m[f]);
            uByName.put(names.get(f), u[f]);
        }
        EmConvergence convergence = new EmConvergence(iteration, lastChange, settled, bounded, countTrue(labelled));
        LOG.debug("EM over {} patterns: lambda {}, {}", patterns.count(), lambda, convergence.describe());
        return new EmEstimate(new ModelParameters(lambda, mByName, uByName), convergence);
    }

    /** Fewest labelled matches that must observe a field (both values present) for its m to come from them. */
    static final int MIN_LABELLED = 20;

    /**
     * Per field the m-probabilities of the labelled matches, smoothed by the type prior as one pseudo-pair and
     * bounded like EM's; null for a field fewer than {@link #MIN_LABELLED} labelled matches observe.
     */
    static double[][] labelledM(List<PreparedField> fields, ImpliedFields implied, List<int[]> matches) {
        int fieldCount = fields.size();
        double[][] counts = new double[fieldCount][];
        int[] observed = new int[fieldCount];
        for (int f = 0; f < fieldCount; f++) {
            counts[f] = FieldPriors.m(fields.get(f).type()).clone();
        }
        byte[] row = new byte[fieldCount];
        for (int[] pair : matches) {
            for (int f = 0; f < fieldCount; f++) {
                row[f] = (byte) FieldComparator.compare(fields.get(f), pair[0], pair[1]);
            }
            implied.apply(row, 0);
            for (int f = 0; f < fieldCount; f++) {
                if (row[f] >= 0) {
                    counts[f][row[f]]++;
                    observed[f]++;
                }
            }
        }
        double[][] m = new double[fieldCount][];
        for (int f = 0; f < fieldCount; f++) {
            if (observed[f] >= MIN_LABELLED) {
                m[f] = ProbabilityBounds.boundM(normalize(counts[f], counts[f]));
            }
        }
        return m;
    }

    private static int countTrue(boolean[] flags) {
        int count = 0;
        for (boolean flag : flags) {
            count += flag ? 1 : 0;
        }
        return count;
    }

    /**
     * The prior is bounded by what a list can hold: between 1 in {@value #MIN_PARTNERS_PER_1000} thousand records
     * having a duplicate and every record having {@value #MAX_PARTNERS} of them. A fixed floor on lambda (it was
     * 1e-5) is far above the truth at a million records (about 2e-6), and let everything match there.
     */
    static double[] lambdaBounds(int records) {
        double others = Math.max(1, records - 1);
        return new double[] {MIN_PARTNERS_PER_1000 / 1000.0 / others, Math.min(0.5, MAX_PARTNERS / others)};
    }

    private static final int MIN_PARTNERS_PER_1000 = 1;
    private static final int MAX_PARTNERS = 10;

    private static double clamp(double value, double[] bounds) {
        return Math.min(bounds[1], Math.max(bounds[0], value));
    }

    private static double largestChange(double[] before, double[] after) {
        double largest = 0;
        for (int l = 0; l < before.length; l++) {
            largest = Math.max(largest, Math.abs(after[l] - before[l]));
        }
        return largest;
    }

    /** Random record pairs, a fixed-seed sample standing for all pairs of the data. */
    private ComparisonMatrix randomPairs(List<PreparedField> fields, ImpliedFields implied, Linkage linkage) {
        int n = fields.isEmpty() ? 0 : fields.get(0).value().length;
        int[][] lists = linkage == null ? null : membersOfLists(linkage);
        long possible = lists == null ? (long) n * (n - 1) / 2 : (long) lists[0].length * lists[1].length;
        int samples = possible < 1 ? 0 : (int) Math.min(randomPairs, possible);
        int fieldCount = fields.size();
        int[] first = new int[samples];
        int[] second = new int[samples];
        SplittableRandom random = new SplittableRandom(SEED);
        for (int s = 0; s < samples; s++) {
            if (lists != null) {
                first[s] = lists[0][random.nextInt(lists[0].length)];
                second[s] = lists[1][random.nextInt(lists[1].length)];
                continue;
            }
            first[s] = random.nextInt(n);
            second[s] = random.nextInt(n - 1);
            if (second[s] >= first[s]) {
                second[s]++;
            }
        }
        byte[] levels = new byte[samples * fieldCount];
        IntStream.range(0, samples).parallel().forEach(s -> {
            for (int f = 0; f < fieldCount; f++) {
                levels[s * fieldCount + f] = (byte) FieldComparator.compare(fields.get(f), first[s], second[s]);
            }
            implied.apply(levels, s * fieldCount);
        });
        return new ComparisonMatrix(fieldCount, samples, levels);
    }

    private static int[][] membersOfLists(Linkage linkage) {
        long[] counts = linkage.counts();
        int[][] members = {new int[(int) counts[0]], new int[(int) counts[1]]};
        int[] fill = new int[2];
        for (int i = 0; i < linkage.sourceOf().length; i++) {
            int list = linkage.sourceOf()[i];
            members[list][fill[list]++] = i;
        }
        return members;
    }

    /** Level frequencies among the random pairs, smoothed by the type priors. */
    private static double[][] levelFrequencies(List<PreparedField> fields, ComparisonMatrix random) {
        double[][] counts = new double[fields.size()][];
        for (int f = 0; f < fields.size(); f++) {
            counts[f] = pseudoCounts(FieldPriors.u(fields.get(f).type()));
            for (int p = 0; p < random.pairCount(); p++) {
                int level = random.level(p, f);
                if (level >= 0) {
                    counts[f][level]++;
                }
            }
            counts[f] = ProbabilityBounds.boundU(
                    normalize(counts[f], counts[f]), fields.get(f).type());
        }
        return counts;
    }

    /**
     * Keeps EM from taking a class of look-alikes (same birthplace, same street) for the matches: true duplicates
     * disagree completely on an identifying field (a name, a birth date) only so often.
     */
    static double[] capDisagreement(double[] m, double cap) {
        int last = m.length - 1;
        if (m[last] <= cap) {
            return m;
        }
        double rest = 1 - m[last];
        double[] capped = m.clone();
        capped[last] = cap;
        for (int l = 0; l < last; l++) {
            capped[l] = rest <= 0 ? (1 - cap) / last : m[l] / rest * (1 - cap);
        }
        return capped;
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
