package io.salesbi.match;

import io.salesbi.match.engine.ClusterConstraints;
import io.salesbi.match.engine.EngineSettings;
import io.salesbi.match.engine.MatchEngine;
import io.salesbi.match.engine.MatchResult;
import io.salesbi.match.engine.PairDecisions;
import io.salesbi.match.engine.ScoredPairs;
import io.salesbi.match.golden.GoldenCustomer;
import io.salesbi.match.golden.GoldenRecordBuilder;
import io.salesbi.match.golden.SurvivorshipRules;
import io.salesbi.match.record.CustomerRecord;
import io.salesbi.match.steward.AppliedOverrides;
import io.salesbi.match.steward.OverridesReader;
import io.salesbi.match.steward.ReviewListWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.IntStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The nightly customer matching: reads staging.customer_record, matches the records into customers with the
 * generic engine, keeps customer ids stable against the previous core.customer_xref (previous customers are the
 * seeds new records join), honours the steward's overrides, and writes xref, golden customers, scored pairs,
 * applied overrides and id history. Running it twice on the same input gives the same tables.
 */
public final class CustomerMatcher {

    private static final Logger LOG = LoggerFactory.getLogger(CustomerMatcher.class);

    private final MatchSettings settings;

    public CustomerMatcher(MatchSettings settings) {
        this.settings = settings;
    }

    /** Matches and writes the result to the published tables in core. */
    public MatchRunSummary run(Connection conn, long runId) throws SQLException {
        return run(conn, runId, MatchTables.CORE);
    }

    /** Matches against the ids published in core and writes the result to the target tables. */
    public MatchRunSummary run(Connection conn, long runId, MatchTables target) throws SQLException {
        long started = System.currentTimeMillis();
        List<CustomerRecord> records = CustomerRecordStore.readAll(conn);
        List<String> keys = records.stream().map(CustomerRecord::recordKey).toList();
        Map<String, Integer> indexOfKey = new HashMap<>();
        for (int i = 0; i < keys.size(); i++) {
            indexOfKey.put(keys.get(i), i);
        }
        Map<String, String> previous = CustomerMatchStore.previousIds(conn);
        AppliedOverrides overrides = AppliedOverrides.resolve(readOverrides(), indexOfKey);
        int[] seeds = seeds(keys, previous);

        EngineSettings engineSettings =
                EngineSettings.defaults().withThresholds(settings.matchThreshold(), settings.reviewThreshold());
        ClusterConstraints constraints = constraints(overrides, seeds, records, settings);
        MatchResult result = new MatchEngine(engineSettings)
                .run(CustomerMatchFields.fields(), CustomerMatchFields.columns(records), constraints);
        overrides = overrides.checkedAgainst(result.clusterOf(), indexOfKey);

        StableIdAssigner.Assignment ids =
                StableIdAssigner.assign(keys, result.clusterOf(), previous, CustomerMatchStore.highestIdNumber(conn));
        List<CustomerMatchStore.XrefRow> xref = new ArrayList<>();
        Map<String, List<CustomerRecord>> byCustomer = new TreeMap<>();
        for (int i = 0; i < records.size(); i++) {
            CustomerRecord r = records.get(i);
            String id = ids.customerIdOfRecord()[i];
            xref.add(new CustomerMatchStore.XrefRow(r.sourceSystem(), r.sourceKey(), id, result.probability()[i]));
            byCustomer.computeIfAbsent(id, x -> new ArrayList<>()).add(r);
        }
        GoldenRecordBuilder builder = new GoldenRecordBuilder(SurvivorshipRules.defaults());
        List<GoldenCustomer> golden = new ArrayList<>();
        byCustomer.forEach((id, members) -> golden.add(builder.build(id, members)));

        PairDecisions decisions =
                new PairDecisions(result, settings.matchThreshold(), settings.reviewThreshold(), constraints);
        List<String[]> display = displayValues(records);
        List<Integer> review = new ArrayList<>();
        long matchPairs = 0;
        ScoredPairs scored = result.pairs();
        for (int p = 0; p < scored.size(); p++) {
            if (!decisions.worthKeeping(p)) {
                continue;
            }
            String decision = decisions.decision(p);
            matchPairs += decision.equals("match") || decision.equals("id_match") ? 1 : 0;
            if (decision.equals("review")) {
                review.add(p);
            }
        }
        // the kept pairs with their evidence, made one at a time while they are appended (at scale 100 a list of
        // them with their evidence JSON held millions of strings at once)
        Iterable<CustomerMatchStore.PairRow> pairs = () -> IntStream.range(0, scored.size())
                .filter(decisions::worthKeeping)
                .mapToObj(p -> {
                    int a = scored.a(p);
                    int b = scored.b(p);
                    return new CustomerMatchStore.PairRow(
                            keys.get(a),
                            keys.get(b),
                            scored.probability(p),
                            scored.logit(p),
                            decisions.decision(p),
                            result.clusterOf()[a] == result.clusterOf()[b],
                            decisions.evidenceJson(p, display));
                })
                .iterator();
        CustomerMatchStore.write(conn, target, runId, xref, golden, pairs, overrides, ids.events());
        writeReviewList(runId, result, decisions, review, keys, display);

        MatchRunSummary summary = new MatchRunSummary(
                records.size(),
                golden.size(),
                scored.size(),
                matchPairs,
                review.size(),
                count(ids, IdEvent.NEW),
                count(ids, IdEvent.MERGE),
                count(ids, IdEvent.SPLIT),
                overrides.appliedCount(),
                System.currentTimeMillis() - started);
        LOG.info(
                "Run {}: matched {} customer records into {} customers; {} pairs compared, {} matches, {} to review, "
                        + "{} new ids, {} merges, {} splits, {} overrides applied, {} ms",
                runId,
                summary.records(),
                summary.customers(),
                summary.pairsCompared(),
                summary.matchPairs(),
                summary.reviewPairs(),
                summary.newCustomers(),
                summary.merges(),
                summary.splits(),
                summary.overridesApplied(),
                summary.millis());
        return summary;
    }

    private List<io.salesbi.match.steward.Override> readOverrides() {
        try {
            return OverridesReader.read(settings.overridesFile());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read steward overrides " + settings.overridesFile(), e);
        }
    }

    private void writeReviewList(
            long runId,
            MatchResult result,
            PairDecisions decisions,
            List<Integer> review,
            List<String> keys,
            List<String[]> display) {
        if (settings.reviewOutDir() == null) {
            return;
        }
        Path file = settings.reviewOutDir().resolve("customer_review_run" + runId + ".xlsx");
        try {
            new ReviewListWriter(result, decisions).write(file, review, keys, display);
            LOG.info("Run {}: wrote {} pairs to review to {}", runId, review.size(), file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write review list " + file, e);
        }
    }

    /** Per weighted field the records' values as delivered, for evidence and review lists. */
    private static List<String[]> displayValues(List<CustomerRecord> records) {
        String[][] columns = CustomerMatchFields.columns(records);
        List<String[]> display = new ArrayList<>();
        for (int f = 0; f < CustomerMatchFields.COLUMNS.size(); f++) {
            if (!CustomerMatchFields.COLUMNS.get(f).field().type().decisive()) {
                display.add(columns[f]);
            }
        }
        return display;
    }

    /**
     * The steward's overrides, the previous customers as seeds, and the records of the sources declared to hold no
     * duplicates labelled by their source, so that two of them never meet in one customer.
     */
    static ClusterConstraints constraints(
            AppliedOverrides overrides, int[] seeds, List<CustomerRecord> records, MatchSettings settings) {
        ClusterConstraints constraints = overrides.constraints(seeds);
        if (settings.sourcesWithoutDuplicates().isEmpty()) {
            return constraints;
        }
        List<String> sources =
                settings.sourcesWithoutDuplicates().stream().sorted().toList();
        int[] labels = new int[records.size()];
        for (int i = 0; i < labels.length; i++) {
            labels[i] = sources.indexOf(records.get(i).sourceSystem());
        }
        return constraints.withDistinctSources(labels);
    }

    /** Previous customer id per record as an int label, -1 for records new to this run. */
    static int[] seeds(List<String> keys, Map<String, String> previous) {
        Map<String, Integer> labels = new HashMap<>();
        int[] seeds = new int[keys.size()];
        for (int i = 0; i < keys.size(); i++) {
            String id = previous.get(keys.get(i));
            seeds[i] = id == null ? -1 : labels.computeIfAbsent(id, x -> labels.size());
        }
        return seeds;
    }

    private static long count(StableIdAssigner.Assignment ids, String event) {
        return ids.events().stream().filter(e -> e.event().equals(event)).count();
    }
}
