package io.salesbi.match.adhoc;

import io.salesbi.match.engine.ClusterConstraints;
import io.salesbi.match.engine.EngineSettings;
import io.salesbi.match.engine.MatchField;
import io.salesbi.match.engine.MatchResult;
import io.salesbi.match.engine.PairDecisions;
import io.salesbi.match.steward.ReviewListWriter;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/** The outcome of an ad-hoc match with the record ids, and how to write it out. */
public record AdHocMatchResult(List<String> ids, List<MatchField> fields, String[][] columns, MatchResult match,
                               EngineSettings settings, ClusterConstraints constraints) {

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
             CSVPrinter printer = new CSVPrinter(writer, CSVFormat.RFC4180.builder().setRecordSeparator('\n').get())) {
            printer.printRecord("id", "cluster_id", "match_probability");
            for (int i = 0; i < ids.size(); i++) {
                printer.printRecord(ids.get(i), ids.get(match.clusterOf()[i]),
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
        List<String[]> display = new ArrayList<>();
        for (int f = 0; f < fields.size(); f++) {
            if (!fields.get(f).type().decisive()) {
                display.add(columns[f]);
            }
        }
        new ReviewListWriter(match, decisions()).write(file, reviewPairs(), ids, display);
    }

    private PairDecisions decisions() {
        return new PairDecisions(match, settings.matchThreshold(), settings.reviewThreshold(), constraints);
    }
}
