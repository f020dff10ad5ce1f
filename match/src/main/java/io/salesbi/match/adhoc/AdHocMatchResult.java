package io.salesbi.match.adhoc;

import io.salesbi.match.engine.ClusterConstraints;
import io.salesbi.match.engine.EngineSettings;
import io.salesbi.match.engine.MatchField;
import io.salesbi.match.engine.MatchResult;
import io.salesbi.match.engine.PairDecisions;
import io.salesbi.match.engine.PairExplanation;
import io.salesbi.match.steward.ReviewListWriter;
import io.salesbi.match.steward.UncertainPairs;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/** The outcome of an ad-hoc match with the record ids, and how to write it out. */
public record AdHocMatchResult(
        List<String> ids,
        List<MatchField> fields,
        String[][] columns,
        MatchResult match,
        EngineSettings settings,
        ClusterConstraints constraints) {

    /** Record id → cluster id, the cluster id being the id of the cluster's first record in the file. */
    public Map<String, String> clusterIdsById() {
        Map<String, String> clusters = new LinkedHashMap<>();
        for (int i = 0; i < ids.size(); i++) {
            clusters.put(ids.get(i), ids.get(match.clusterOf()[i]));
        }
        return clusters;
    }

    public void writeClusters(Path output) throws IOException {
        if (output.getParent() != null) {
            Files.createDirectories(output.getParent());
        }
        try (Writer writer = Files.newBufferedWriter(output, StandardCharsets.UTF_8);
                CSVPrinter printer = new CSVPrinter(
                        writer,
                        CSVFormat.RFC4180.builder().setRecordSeparator('\n').get())) {
            printer.printRecord("id", "cluster_id", "match_probability");
            for (int i = 0; i < ids.size(); i++) {
                printer.printRecord(
                        ids.get(i),
                        ids.get(match.clusterOf()[i]),
                        String.format(Locale.ROOT, "%.4f", match.probability()[i]));
            }
        }
    }

    public long matchPairs() {
        PairDecisions decisions = decisions();
        long count = 0;
        for (int p = 0; p < match.pairs().size(); p++) {
            String decision = decisions.decision(p);
            count += decision.equals("match") || decision.equals("id_match") ? 1 : 0;
        }
        return count;
    }

    public List<Integer> reviewPairs() {
        PairDecisions decisions = decisions();
        List<Integer> review = new ArrayList<>();
        for (int p = 0; p < match.pairs().size(); p++) {
            if (decisions.decision(p).equals("review")) {
                review.add(p);
            }
        }
        return review;
    }

    public void writeReviewList(Path file) throws IOException {
        writeReviewList(file, reviewPairs());
    }

    /**
     * The review file with the pairs the model is least sure of (active learning), for the steward to label yes or
     * no; fed back with {@code --overrides}, the labels train the next run.
     */
    public void writeUncertainList(Path file, int count) throws IOException {
        writeReviewList(file, uncertainPairs(count));
    }

    /** The pairs the model is least sure of, leaving out pairs decided by an id or by the steward. */
    public List<Integer> uncertainPairs(int count) {
        return UncertainPairs.select(match, constraints, count);
    }

    private void writeReviewList(Path file, List<Integer> pairs) throws IOException {
        List<String[]> display = new ArrayList<>();
        for (int f = 0; f < fields.size(); f++) {
            if (!fields.get(f).type().decisive()) {
                display.add(columns[f]);
            }
        }
        new ReviewListWriter(match, decisions()).write(file, pairs, ids, display);
    }

    /**
     * The least certain pairs labelled from a ground truth, as a steward who knew the answers would label them:
     * the pairs of ids of one entity (the "yes" labels, which train the model).
     */
    public List<List<String>> labelUncertainFromTruth(int count, Map<String, String> truth) {
        List<List<String>> yes = new ArrayList<>();
        for (int[] pair : UncertainPairs.labelFromTruth(match, uncertainPairs(count), ids, truth)
                .get(0)) {
            yes.add(List.of(ids.get(pair[0]), ids.get(pair[1])));
        }
        return yes;
    }

    /**
     * A pair explained as a waterfall a steward can read: the prior, each field with both values, its level, weight
     * and term-frequency adjustment, the resulting score and decision.
     *
     * @throws IllegalArgumentException when an id is not in the list
     */
    public String explain(String id1, String id2) {
        int a = ids.indexOf(id1);
        int b = ids.indexOf(id2);
        if (a < 0 || b < 0) {
            throw new IllegalArgumentException(
                    "--explain: no record with id '" + (a < 0 ? id1 : id2) + "' in the list");
        }
        PairExplanation explanation = match.explain(a, b);
        if (explanation == null) {
            return header(a, b)
                    .append("  not compared: blocking proposed no pair of these records (no shared block key)")
                    .append(System.lineSeparator())
                    .toString();
        }
        return explain(a, b, explanation);
    }

    /**
     * The errors against a ground truth a steward looks at first, each explained as {@link #explain(String, String)}
     * does: the compared pairs of two true entities in one cluster (false merges), strongest score first, and the
     * compared pairs of one true entity in two clusters (missed pairs), the closest to a match first; with the counts
     * of all such pairs and of those blocking never proposed (merged through a third record, or never compared).
     * Records the truth does not name are left out.
     *
     * @param falseMergedPairs all record pairs in one cluster that the truth keeps apart (predicted less correct pairs
     *     of {@code MatchQuality})
     * @param missedPairs all record pairs of one true entity in different clusters (true less correct pairs)
     * @param samples how many pairs of each kind to explain
     */
    public String truthSamples(Map<String, String> truth, long falseMergedPairs, long missedPairs, int samples) {
        String[] entity = new String[ids.size()];
        for (int i = 0; i < ids.size(); i++) {
            entity[i] = truth.get(ids.get(i));
        }
        List<Integer> falseMerges = new ArrayList<>();
        List<Integer> missed = new ArrayList<>();
        var pairs = match.pairs();
        for (int p = 0; p < pairs.size(); p++) {
            int a = pairs.a(p);
            int b = pairs.b(p);
            if (entity[a] == null || entity[b] == null) {
                continue;
            }
            boolean sameCluster = match.clusterOf()[a] == match.clusterOf()[b];
            boolean sameEntity = entity[a].equals(entity[b]);
            if (sameCluster && !sameEntity) {
                falseMerges.add(p);
            } else if (!sameCluster && sameEntity) {
                missed.add(p);
            }
        }
        Comparator<Integer> strongestFirst =
                Comparator.comparingDouble((Integer p) -> -pairs.logit(p)).thenComparingInt(p -> p);
        falseMerges.sort(strongestFirst);
        missed.sort(strongestFirst);
        StringBuilder out = new StringBuilder();
        out.append(String.format(
                Locale.ROOT,
                "false merges: %d record pairs in one cluster that the truth keeps apart, %d of them compared "
                        + "(the rest joined through other records)%s%n",
                falseMergedPairs,
                falseMerges.size(),
                falseMerges.isEmpty() || samples <= 0 ? "" : "; the strongest:"));
        for (int k = 0; k < Math.min(samples, falseMerges.size()); k++) {
            out.append(explainPair(falseMerges.get(k)));
        }
        out.append(String.format(
                Locale.ROOT,
                "missed pairs: %d record pairs of one true entity in different clusters, %d of them compared, %d "
                        + "never proposed by blocking%s%n",
                missedPairs,
                missed.size(),
                missedPairs - missed.size(),
                missed.isEmpty() || samples <= 0 ? "" : "; the closest to a match:"));
        for (int k = 0; k < Math.min(samples, missed.size()); k++) {
            out.append(explainPair(missed.get(k)));
        }
        return out.toString();
    }

    /** The compared pair with this index explained as {@link #explain(String, String)} does. */
    public String explainPair(int pair) {
        return explain(match.pairs().a(pair), match.pairs().b(pair), match.explain(pair));
    }

    private StringBuilder header(int a, int b) {
        return new StringBuilder()
                .append(String.format(
                        Locale.ROOT,
                        "pair %s - %s: %s%n",
                        ids.get(a),
                        ids.get(b),
                        match.clusterOf()[a] == match.clusterOf()[b] ? "same cluster" : "different clusters"));
    }

    private String explain(int a, int b, PairExplanation explanation) {
        StringBuilder out = header(a, b);
        out.append(String.format(Locale.ROOT, "  %-24s %9.2f%n", "prior (log-odds)", explanation.priorLogit()));
        for (PairExplanation.Contribution field : explanation.fields()) {
            int column = columnOf(field.field());
            String values = column < 0
                    ? ""
                    : "\"" + nullToEmpty(columns[column][a]) + "\" vs \"" + nullToEmpty(columns[column][b]) + "\"";
            String level = field.level() < 0
                    ? "missing"
                    : field.level() == 0
                            ? "exact"
                            : field.level() == field.levels() - 1
                                    ? "different"
                                    : "level " + field.level() + " of " + (field.levels() - 1);
            out.append(String.format(
                    Locale.ROOT,
                    "  %-24s %+9.2f  %-10s%s %s%n",
                    field.field(),
                    field.total(),
                    level,
                    field.adjustment() == 0
                            ? ""
                            : String.format(
                                    Locale.ROOT,
                                    " (weight %+.2f, term frequency %+.2f)",
                                    field.weight(),
                                    field.adjustment()),
                    values));
        }
        out.append(String.format(Locale.ROOT, "  %-24s %9.2f%n", "sum", explanation.fieldLogit()));
        if (explanation.decisive() != 0) {
            out.append(
                            explanation.decisive() > 0
                                    ? "  linked by an agreeing id (VAT id or own id)"
                                    : "  kept apart by contradicting VAT ids")
                    .append(System.lineSeparator());
        }
        if (explanation.heldAtReview()) {
            out.append("  held at the review threshold: organisation names that disagree completely, or another house "
                            + "number on the same street")
                    .append(System.lineSeparator());
        }
        out.append(String.format(
                Locale.ROOT,
                "  score %.2f, probability %.4f: %s%n",
                explanation.logit(),
                explanation.probability(),
                decisions().decision(explanation.pair())));
        return out.toString();
    }

    private int columnOf(String field) {
        for (int f = 0; f < fields.size(); f++) {
            if (fields.get(f).name().equals(field)) {
                return f;
            }
        }
        return -1;
    }

    private static String nullToEmpty(String value) {
        return value == null ? "" : value;
    }

    private PairDecisions decisions() {
        return new PairDecisions(match, settings.matchThreshold(), settings.reviewThreshold(), constraints);
    }
}
