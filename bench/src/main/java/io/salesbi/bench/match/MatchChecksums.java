package io.salesbi.bench.match;

import io.salesbi.match.engine.ClusterConstraints;
import io.salesbi.match.engine.EngineSettings;
import io.salesbi.match.engine.FieldType;
import io.salesbi.match.engine.MatchEngine;
import io.salesbi.match.engine.MatchField;
import io.salesbi.match.engine.MatchResult;
import io.salesbi.match.engine.ScoredPairs;
import java.util.List;

/**
 * Checksums of a match run on the benchmark's synthetic records, run by hand (never a test), to show that a change of
 * the engine's storage leaves every result bit for bit as it was: the pairs, their log-odds, decisive flags and levels,
 * the cluster labels and the record probabilities, each as a rolling hash in order. {@code java -cp … MatchChecksums
 * 100000}; compare the output of two builds.
 */
public final class MatchChecksums {

    private MatchChecksums() {}

    public static void main(String[] args) {
        int n = Integer.parseInt(args[0]);
        SyntheticCustomers.Dataset data = SyntheticCustomers.generate(n, 42);
        String[][] columns = new String[SyntheticCustomers.HEADER.length][n];
        for (int i = 0; i < n; i++)
            for (int f = 0; f < columns.length; f++)
                columns[f][i] = data.records().get(i)[f];
        List<MatchField> fields = List.of(
                new MatchField("company", FieldType.COMPANY),
                new MatchField("street", FieldType.STREET),
                new MatchField("house_number", FieldType.HOUSE_NUMBER),
                new MatchField("postcode", FieldType.POSTCODE),
                new MatchField("city", FieldType.CITY),
                new MatchField("phone", FieldType.PHONE),
                new MatchField("email", FieldType.EMAIL),
                new MatchField("website", FieldType.WEBSITE),
                new MatchField("vat_id", FieldType.VAT_ID));
        MatchResult r = new MatchEngine(EngineSettings.defaults()).run(fields, columns, ClusterConstraints.none());
        ScoredPairs s = r.pairs();
        long hp = 1, hl = 1, hd = 1, hv = 1, hc = 1, hq = 1;
        for (int p = 0; p < s.size(); p++) {
            hp = hp * 31 + (((long) A(s, p)) << 32 | B(s, p));
            hl = hl * 31 + Double.doubleToLongBits(L(s, p));
            hd = hd * 31 + D(s, p);
            for (int f = 0; f < r.weightedFields().size(); f++) hv = hv * 31 + s.level(p, f);
        }
        for (int i = 0; i < n; i++) {
            hc = hc * 31 + r.clusterOf()[i];
            hq = hq * 31 + Double.doubleToLongBits(r.probability()[i]);
        }
        System.out.printf(
                "records %d pairs %d clusters %d%npairs %x%nlogit %x%ndecisive %x%nlevels %x%nclusters %x%nprobability %x%n",
                n, s.size(), r.clusterCount(), hp, hl, hd, hv, hc, hq);
    }

    static int A(ScoredPairs s, int p) {
        return s.a(p);
    }

    static int B(ScoredPairs s, int p) {
        return s.b(p);
    }

    static double L(ScoredPairs s, int p) {
        return s.logit(p);
    }

    static int D(ScoredPairs s, int p) {
        return s.decisive(p);
    }
}
