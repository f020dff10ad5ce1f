package io.salesbi.match.quality;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Quality of a clustering against a ground truth, both given as record id → cluster/entity id over the same
 * records. Pairwise measures count record pairs; B-cubed averages per record; the cluster measure counts
 * predicted clusters that equal a true entity exactly.
 */
public record MatchQuality(
        long records,
        long truePairs,
        long predictedPairs,
        long correctPairs,
        double bcubedPrecision,
        double bcubedRecall,
        long trueClusters,
        long predictedClusters,
        long exactClusters) {

    public double precision() {
        return predictedPairs == 0 ? 1.0 : (double) correctPairs / predictedPairs;
    }

    public double recall() {
        return truePairs == 0 ? 1.0 : (double) correctPairs / truePairs;
    }

    public double f1() {
        double p = precision();
        double r = recall();
        return p + r == 0 ? 0 : 2 * p * r / (p + r);
    }

    public double bcubedF1() {
        double p = bcubedPrecision;
        double r = bcubedRecall;
        return p + r == 0 ? 0 : 2 * p * r / (p + r);
    }

    /** Compares predicted clusters with true entities over the records present in both maps. */
    public static MatchQuality of(Map<String, String> predicted, Map<String, String> truth) {
        Map<String, Integer> predictedSize = new HashMap<>();
        Map<String, Integer> trueSize = new HashMap<>();
        Map<String, Integer> bothSize = new HashMap<>();
        long records = 0;
        for (Map.Entry<String, String> entry : predicted.entrySet()) {
            String entity = truth.get(entry.getKey());
            if (entity == null) {
                continue;
            }
            records++;
            predictedSize.merge(entry.getValue(), 1, Integer::sum);
            trueSize.merge(entity, 1, Integer::sum);
            bothSize.merge(entry.getValue() + '\u0000' + entity, 1, Integer::sum);
        }
        double bcubedPrecision = 0;
        double bcubedRecall = 0;
        Map<String, Integer> clusterOverlaps = new HashMap<>();
        for (Map.Entry<String, String> entry : predicted.entrySet()) {
            String entity = truth.get(entry.getKey());
            if (entity == null) {
                continue;
            }
            int both = bothSize.get(entry.getValue() + '\u0000' + entity);
            bcubedPrecision += (double) both / predictedSize.get(entry.getValue());
            bcubedRecall += (double) both / trueSize.get(entity);
        }
        long exact = 0;
        for (Map.Entry<String, Integer> cell : bothSize.entrySet()) {
            String[] parts = cell.getKey().split("\u0000", 2);
            clusterOverlaps.merge(parts[0], 1, Integer::sum);
            if (cell.getValue().equals(predictedSize.get(parts[0]))
                    && cell.getValue().equals(trueSize.get(parts[1]))) {
                exact++;
            }
        }
        return new MatchQuality(
                records,
                pairs(trueSize),
                pairs(predictedSize),
                pairs(bothSize),
                records == 0 ? 1 : bcubedPrecision / records,
                records == 0 ? 1 : bcubedRecall / records,
                trueSize.size(),
                predictedSize.size(),
                exact);
    }

    /** A few lines for the command line and logs. */
    public String report() {
        return String.format(
                Locale.ROOT,
                "pairwise: precision %.4f, recall %.4f, F1 %.4f (true pairs %d, predicted %d, correct %d)%n"
                        + "b-cubed: precision %.4f, recall %.4f, F1 %.4f%n"
                        + "clusters: %d true entities, %d predicted clusters, %d exactly right (%.1f%% of entities)",
                precision(),
                recall(),
                f1(),
                truePairs,
                predictedPairs,
                correctPairs,
                bcubedPrecision,
                bcubedRecall,
                bcubedF1(),
                trueClusters,
                predictedClusters,
                exactClusters,
                trueClusters == 0 ? 100.0 : 100.0 * exactClusters / trueClusters);
    }

    private static long pairs(Map<String, Integer> sizes) {
        long pairs = 0;
        for (int size : sizes.values()) {
            pairs += (long) size * (size - 1) / 2;
        }
        return pairs;
    }
}
