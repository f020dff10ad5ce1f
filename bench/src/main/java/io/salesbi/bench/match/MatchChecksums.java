package io.salesbi.bench.match;

import io.salesbi.match.engine.ClusterConstraints;
import io.salesbi.match.engine.EngineSettings;
import io.salesbi.match.engine.MatchEngine;
import io.salesbi.match.engine.MatchResult;
import io.salesbi.match.engine.ScoredPairs;
import java.util.Locale;

/**
 * Checksums of a match on the benchmark's synthetic records, run by hand (never a test), to show that a change of the
 * engine's storage leaves every result as it was, bit for bit: the pairs in order, their log-odds (raw bits),
 * decisive flags and levels, the cluster labels and the record probabilities, each as a rolling hash.
 * {@code java -Xmx1g -cp … io.salesbi.bench.match.MatchChecksums 100000}; compare the output of two builds.
 */
public final class MatchChecksums {

    private MatchChecksums() {}

    public static void main(String[] args) {
        int records = Integer.parseInt(args.length == 0 ? "100000" : args[0]);
        MatchResult result = new MatchEngine(EngineSettings.defaults())
                .run(
                        MatchBenchmark.FIELDS,
                        MatchBenchmark.columns(
                                SyntheticCustomers.generate(records, 42).records()),
                        ClusterConstraints.none());
        ScoredPairs pairs = result.pairs();
        long pairHash = 1;
        long logitHash = 1;
        long decisiveHash = 1;
        long levelHash = 1;
        for (int p = 0; p < pairs.size(); p++) {
            pairHash = pairHash * 31 + ((long) pairs.a(p) << 32 | pairs.b(p));
            logitHash = logitHash * 31 + Double.doubleToLongBits(pairs.logit(p));
            decisiveHash = decisiveHash * 31 + pairs.decisive(p);
            for (int f = 0; f < result.weightedFields().size(); f++) {
                levelHash = levelHash * 31 + pairs.level(p, f);
            }
        }
        long clusterHash = 1;
        long probabilityHash = 1;
        for (int i = 0; i < records; i++) {
            clusterHash = clusterHash * 31 + result.clusterOf()[i];
            probabilityHash = probabilityHash * 31 + Double.doubleToLongBits(result.probability()[i]);
        }
        System.out.printf(
                Locale.ROOT,
                "records %d pairs %d clusters %d%npairs %x%nlogit %x%ndecisive %x%nlevels %x%nclusters %x%n"
                        + "probability %x%n",
                records,
                pairs.size(),
                result.clusterCount(),
                pairHash,
                logitHash,
                decisiveHash,
                levelHash,
                clusterHash,
                probabilityHash);
    }
}
