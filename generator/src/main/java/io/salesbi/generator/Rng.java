package io.salesbi.generator;

import java.util.List;
import java.util.SplittableRandom;

/** A seeded random source with the few draws the generator needs; deterministic for its seed. */
final class Rng {

    private final SplittableRandom random;

    Rng(long seed) {
        this.random = new SplittableRandom(seed);
    }

    private Rng(SplittableRandom random) {
        this.random = random;
    }

    /** An independent stream, so that adding draws in one part does not shift another part. */
    Rng split() {
        return new Rng(random.split());
    }

    boolean chance(double probability) {
        return random.nextDouble() < probability;
    }

    double nextDouble() {
        return random.nextDouble();
    }

    /** Uniform in [lo, hi). */
    double between(double lo, double hi) {
        return lo + (hi - lo) * random.nextDouble();
    }

    /** Uniform in [lo, hi] (both inclusive). */
    int intBetween(int lo, int hi) {
        return lo + random.nextInt(hi - lo + 1);
    }

    int nextInt(int bound) {
        return random.nextInt(bound);
    }

    double gaussian() {
        return random.nextGaussian();
    }

    /** Log-uniform in [lo, hi): as many values between 10 and 100 as between 100 and 1000. */
    double logUniform(double lo, double hi) {
        return Math.exp(between(Math.log(lo), Math.log(hi)));
    }

    /** 1 + a geometric count with the given mean of extra items. */
    int onePlusGeometric(double meanExtra, int max) {
        double p = 1.0 / (1.0 + meanExtra);
        int n = 1;
        while (n < max && random.nextDouble() > p) {
            n++;
        }
        return n;
    }

    <T> T pick(T[] values) {
        return values[random.nextInt(values.length)];
    }

    <T> T pick(List<T> values) {
        return values.get(random.nextInt(values.size()));
    }

    /** An index drawn with probability proportional to its weight. */
    int weighted(double[] weights) {
        double total = 0;
        for (double w : weights) {
            total += w;
        }
        double u = random.nextDouble() * total;
        for (int i = 0; i < weights.length; i++) {
            u -= weights[i];
            if (u < 0) {
                return i;
            }
        }
        return weights.length - 1;
    }

    /** Rounds up or down at random so that the expected value is {@code value}. */
    int stochasticRound(double value) {
        int floor = (int) Math.floor(value);
        return floor + (random.nextDouble() < value - floor ? 1 : 0);
    }
}
