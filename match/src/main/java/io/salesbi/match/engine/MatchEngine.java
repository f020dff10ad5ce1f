package io.salesbi.match.engine;

import io.salesbi.match.standardize.ParsedAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The generic matcher: records are an index plus typed fields. It standardizes every field once, finds
 * candidate pairs by blocking, compares them field by field, scores them with Fellegi–Sunter weights (estimated
 * by EM unless fixed), and clusters them with average linkage. Used by the nightly customer matching and by
 * the ad-hoc {@code salesbi match} command alike.
 */
public final class MatchEngine {

    private static final Logger LOG = LoggerFactory.getLogger(MatchEngine.class);

    private final EngineSettings settings;
    private final PairStorage storage;

    public MatchEngine(EngineSettings settings) {
        this(settings, PairStorage.defaults());
    }

    /** With the pairs' columns stored as given (tests compare heap and mapped storage). */
    MatchEngine(EngineSettings settings, PairStorage storage) {
        this.settings = settings;
        this.storage = storage;
    }

    /**
     * Matches the records.
     *
     * @param fields  the fields, in the order of each record's values
     * @param columns per field the raw values of all records (columns[f][record])
     */
    public MatchResult run(List<MatchField> fields, String[][] columns, ClusterConstraints constraints) {
        return run(fields, columns, constraints, TrainingLabels.of(constraints));
    }

    /**
     * Matches the records, estimating the model from the labelled pairs where they suffice and by EM for the rest.
     *
     * @param training labelled pairs that train the model; they do not force the clustering (constraints do)
     */
    public MatchResult run(
            List<MatchField> fields, String[][] columns, ClusterConstraints constraints, TrainingLabels training) {
        return run(fields, columns, constraints, training, null);
    }

    /**
     * Matches the records, or with a linkage links the records of its two lists (pairs within one list are neither
     * compared nor merged).
     *
     * @param linkage the two lists and the cardinality of links between them; null to deduplicate one list
     */
    public MatchResult run(
            List<MatchField> fields,
            String[][] columns,
            ClusterConstraints constraints,
            TrainingLabels training,
            Linkage linkage) {
        long started = System.currentTimeMillis();
        int n = columns.length == 0 ? 0 : columns[0].length;
        if (linkage != null && linkage.sourceOf().length != n) {
            throw new IllegalArgumentException(
                    "linkage names the list of " + linkage.sourceOf().length + " records, the columns hold " + n);
        }
        FieldPreparer preparer = new FieldPreparer(settings.defaultCountry());
        List<PreparedField> all = new ArrayList<>();
        List<PreparedField> weighted = new ArrayList<>();
        List<PreparedField> decisive = new ArrayList<>();
        List<String> weightedNames = new ArrayList<>();
        for (int f = 0; f < fields.size(); f++) {
            PreparedField prepared = preparer.prepare(fields.get(f).type(), columns[f]);
            all.add(prepared);
            if (prepared.type().decisive()) {
                decisive.add(prepared);
            } else {
                weighted.add(prepared);
                weightedNames.add(fields.get(f).name());
            }
        }
        long prepared = System.currentTimeMillis();
        // twins (records equal on every field) matter where blocks are too large and clusters large: not in linkage
        int[] twins = linkage == null ? Twins.representatives(all, n, constraints) : null;
        LongList candidates = new CandidateBlocker(settings.maxBlockSize(), storage)
                .candidatePairs(all, n, linkage, constraints, twins);
        // blocking keys are needed for blocking alone: dropped before the pairs' columns are allocated
        all.clear();
        weighted.replaceAll(PreparedField::withoutBlockKeys);
        decisive.replaceAll(PreparedField::withoutBlockKeys);
        RecordColumns records = recordColumns(candidates);
        LargeBuffer a = records.a();
        LargeBuffer b = records.b();
        int pairCount = records.count();
        ComparisonMatrix matrix = ComparisonMatrix.packed(weighted.size(), pairCount, storage);
        LargeBuffer decisiveFlags = storage.buffer(Math.max(8, pairCount));
        NameSwap swap = NameSwap.of(weighted);
        ImpliedFields implied = ImpliedFields.of(weighted);
        int[] names = nameFields(weighted);
        int fieldCount = weighted.size();
        forEachChunk(pairCount, (from, to) -> {
            byte[] row = new byte[Math.max(1, fieldCount)];
            for (int p = from; p < to; p++) {
                int x = a.getInt(p);
                int y = b.getInt(p);
                for (int f = 0; f < fieldCount; f++) {
                    row[f] = (byte) FieldComparator.compare(weighted.get(f), x, y);
                }
                swap.apply(row, 0, x, y);
                implied.apply(row, 0);
                byte flag = decisiveEvidence(decisive, x, y);
                if (flag > 0 && namesDiffer(row, 0, names, weighted)) {
                    flag = 0;
                }
                matrix.set(p, row, 0);
                decisiveFlags.putByte(p, flag);
            }
        });
        matrix.seal();
        decisiveFlags.seal();
        long compared = System.currentTimeMillis();
        EmEstimate estimate = parameters(weightedNames, weighted, matrix, training, linkage);
        ModelParameters parameters = estimate.parameters();
        long estimated = System.currentTimeMillis();
        boolean singleField = weighted.size() == 1 && settings.parameters() == null;
        double[][] weights =
                singleField ? SingleFieldLadder.weights(weighted.get(0).type()) : weights(weightedNames, parameters);
        double prior = singleField ? 0.0 : priorLogOdds(parameters);
        TermFrequencies termFrequencies = singleField ? TermFrequencies.none() : TermFrequencies.of(weighted);
        LargeBuffer logit = storage.buffer(8L * Math.max(1, pairCount));
        logit.seal();
        ScoredPairs pairs = new ScoredPairs(pairCount, a, b, logit, decisiveFlags, matrix);
        scores(prior, weights, termFrequencies, pairs, logit);
        capDifferentOrganisations(pairs, logit, weighted, heldAtReview(logit(settings.reviewThreshold())));
        capOtherHouseNumbers(pairs, logit, weighted, heldAtReview(logit(settings.reviewThreshold())));
        double matchLogit = logit(settings.matchThreshold());
        AverageLinkClusterer clusterer = new AverageLinkClusterer(
                matchLogit, logit(settings.reviewThreshold()), logit(settings.unscoredPairProbability()), storage);
        int[] clusterOf = linkage == null
                ? clusterer.cluster(n, pairs, constraints, twins)
                : clusterer.link(n, pairs, constraints, linkage);
        double[] probability = recordProbabilities(n, pairs, clusterOf, constraints);
        long millis = System.currentTimeMillis() - started;
        LOG.debug(
                "Phases: prepare {} ms, block and compare {} ms, estimate {} ms, score and cluster {} ms",
                prepared - started,
                compared - prepared,
                estimated - compared,
                started + millis - estimated);
        MatchResult result = new MatchResult(
                weightedNames,
                clusterOf,
                probability,
                pairs,
                parameters,
                weights,
                prior,
                termFrequencies,
                estimate.convergence(),
                millis);
        LOG.info(
                "Matched {} records: {} candidate pairs compared, {} clusters, lambda {}, {}, {} ms",
                n,
                pairCount,
                result.clusterCount(),
                String.format("%.3g", parameters.lambda()),
                estimate.convergence().describe(),
                millis);
        return result;
    }

    private EmEstimate parameters(
            List<String> names,
            List<PreparedField> weighted,
            ComparisonMatrix matrix,
            TrainingLabels training,
            Linkage linkage) {
        ModelParameters fixed = settings.parameters();
        if (fixed != null) {
            boolean complete = true;
            for (int f = 0; f < weighted.size(); f++) {
                complete &= fixed.covers(names.get(f), weighted.get(f).type().levels());
            }
            if (complete) {
                return new EmEstimate(fixed, EmConvergence.fixed());
            }
            LOG.warn("Fixed model parameters do not cover every field with its levels; estimating them instead");
        }
        return new ParameterEstimator(settings.randomPairs(), settings.emIterations())
                .estimate(names, weighted, matrix, ImpliedFields.of(weighted), training, linkage);
    }

    /** Weights per field and level, made non-increasing over levels so that better agreement never counts less. */
    private static double[][] weights(List<String> names, ModelParameters parameters) {
        int fieldCount = names.size();
        double[][] weights = new double[fieldCount][];
        for (int f = 0; f < fieldCount; f++) {
            double[] m = parameters.m().get(names.get(f));
            weights[f] = new double[m.length];
            for (int l = 0; l < m.length; l++) {
                weights[f][l] = parameters.weight(names.get(f), l);
                if (l > 0) {
                    weights[f][l] = Math.min(weights[f][l], weights[f][l - 1]);
                }
            }
        }
        return weights;
    }

    private static double priorLogOdds(ModelParameters parameters) {
        return Math.log(parameters.lambda() / (1 - parameters.lambda()));
    }

    /**
     * The record columns a and b of the distinct candidate pairs in ascending order; on the heap or mapped from
     * files as the storage decides.
     */
    private RecordColumns recordColumns(LongList candidates) {
        LargeBuffer a;
        LargeBuffer b;
        long count;
        if (!candidates.spilled()) {
            long[] distinct = candidates.sortedDistinct();
            count = distinct.length;
            a = storage.buffer(4L * Math.max(2, count));
            b = storage.buffer(4L * Math.max(2, count));
            for (int p = 0; p < distinct.length; p++) {
                a.putInt(p, (int) (distinct[p] >>> 32));
                b.putInt(p, (int) distinct[p]);
            }
        } else {
            // the pairs outgrew the heap while they were collected: the columns are files from the start and grow
            LargeBuffer fileA = storage.mappedBuffer(4L * storage.blockingMemory());
            LargeBuffer fileB = storage.mappedBuffer(4L * storage.blockingMemory());
            long[] next = {0};
            candidates.forEachSortedDistinct(pair -> {
                long p = next[0]++;
                fileA.ensureCapacity(4 * (p + 1));
                fileB.ensureCapacity(4 * (p + 1));
                fileA.putInt(p, (int) (pair >>> 32));
                fileB.putInt(p, (int) pair);
            });
            a = fileA;
            b = fileB;
            count = next[0];
        }
        if (count > Integer.MAX_VALUE) {
            throw new IllegalStateException(count + " candidate pairs: more than the engine can index");
        }
        a.seal();
        b.seal();
        return new RecordColumns(a, b, (int) count);
    }

    private record RecordColumns(LargeBuffer a, LargeBuffer b, int count) {}

    /** Runs the work over the pairs in chunks of 4,096, in parallel; each chunk is [from, to). */
    private static void forEachChunk(int pairCount, ChunkWork work) {
        int chunk = 1 << 12;
        IntStream.range(0, (pairCount + chunk - 1) / chunk)
                .parallel()
                .forEach(c -> work.run(c * chunk, Math.min(pairCount, (c + 1) * chunk)));
    }

    @FunctionalInterface
    private interface ChunkWork {
        void run(int from, int to);
    }

    /** Posterior log-odds per pair: prior log-odds plus the weights of the levels seen, exact ones adjusted. */
    private static void scores(
            double prior, double[][] weights, TermFrequencies termFrequencies, ScoredPairs pairs, LargeBuffer logit) {
        int fieldCount = weights.length;
        forEachChunk(pairs.size(), (from, to) -> {
            for (int p = from; p < to; p++) {
                int decisive = pairs.decisive(p);
                if (decisive != 0) {
                    logit.putDouble(p, decisive * ScoredPairs.DECISIVE);
                    continue;
                }
                double sum = prior;
                int a = pairs.a(p);
                for (int f = 0; f < fieldCount; f++) {
                    int level = pairs.level(p, f);
                    if (level >= 0) {
                        sum += weights[f][level] + termFrequencies.adjustment(f, level, a);
                    }
                }
                logit.putDouble(p, sum);
            }
        });
    }

    /**
     * The score of a pair held at the review threshold: a hair above it, so that rounding back to a probability keeps
     * the pair in the review band. The clusterer recognises held pairs by it.
     */
    static double heldAtReview(double reviewLogit) {
        return reviewLogit + 1e-6;
    }

    /**
     * Two organisations whose names disagree completely are not merged on their other fields alone, however many
     * agree: restaurants in one casino share its address and switchboard, companies in one office building share
     * street, number and phone. Counted as independent, those agreements outweighed any name disagreement (Fodors-Zagat
     * lost a fifth of its precision that way), so such a pair is held at the review threshold: the steward sees it,
     * the clusterer does not link through it. A decisive id (VAT or own id agreeing) still decides.
     */
    static void capDifferentOrganisations(
            ScoredPairs pairs, LargeBuffer logit, List<PreparedField> weighted, double cap) {
        int[] companies = IntStream.range(0, weighted.size())
                .filter(f -> weighted.get(f).type() == FieldType.COMPANY)
                .toArray();
        if (companies.length == 0) {
            return;
        }
        int different = FieldType.COMPANY.levels() - 1;
        for (int p = 0; p < pairs.size(); p++) {
            if (pairs.decisive(p) != 0 || logit.getDouble(p) <= cap) {
                continue;
            }
            for (int f : companies) {
                if (pairs.level(p, f) == different) {
                    logit.putDouble(p, cap);
                    break;
                }
            }
        }
    }

    /**
     * In an organisation list (one with a company field), two records on the same street under different house
     * numbers are not merged on their other fields: they are branches or neighbours, typically under one name
     * ("Müller Bau, Hauptstr. 12" and "Müller Bau, Hauptstraße 14"). The address comparison alone calls them
     * different addresses, a weight of about -2.5 that an agreeing name and postcode outweigh; so the pair is held at
     * the review threshold like one whose names disagree. Applies to an address or street field whose building
     * numbers differ on one street, and to a street field that agrees with a house number field that does not.
     * Person lists are left alone: there a typo in a house number is common and neighbours rarely share a name.
     */
    static void capOtherHouseNumbers(ScoredPairs pairs, LargeBuffer logit, List<PreparedField> weighted, double cap) {
        boolean organisations = weighted.stream().anyMatch(f -> f.type() == FieldType.COMPANY);
        int[] addresses = IntStream.range(0, weighted.size())
                .filter(f -> weighted.get(f).addresses() != null)
                .toArray();
        int street = -1;
        int houseNumber = -1;
        for (int f = 0; f < weighted.size(); f++) {
            street = weighted.get(f).type() == FieldType.STREET && street < 0 ? f : street;
            houseNumber = weighted.get(f).type() == FieldType.HOUSE_NUMBER && houseNumber < 0 ? f : houseNumber;
        }
        if (!organisations || addresses.length == 0 && houseNumber < 0) {
            return;
        }
        int otherNumber = FieldType.HOUSE_NUMBER.levels() - 1;
        for (int p = 0; p < pairs.size(); p++) {
            if (pairs.decisive(p) != 0 || logit.getDouble(p) <= cap) {
                continue;
            }
            boolean other = street >= 0
                    && houseNumber >= 0
                    && pairs.level(p, street) >= 0
                    && pairs.level(p, street) <= 1
                    && pairs.level(p, houseNumber) == otherNumber;
            for (int k = 0; k < addresses.length && !other; k++) {
                PreparedField field = weighted.get(addresses[k]);
                ParsedAddress x = field.addresses()[pairs.a(p)];
                ParsedAddress y = field.addresses()[pairs.b(p)];
                other = x != null && y != null && FieldComparator.otherHouseOnSameStreet(x, y);
            }
            if (other) {
                logit.putDouble(p, cap);
            }
        }
    }

    /** +1 when a strong id or VAT id agrees, -1 when VAT ids contradict (and nothing agrees), else 0. */
    private static byte decisiveEvidence(List<PreparedField> decisive, int a, int b) {
        boolean agree = false;
        boolean contradict = false;
        for (PreparedField field : decisive) {
            String x = field.value()[a];
            String y = field.value()[b];
            if (x == null || y == null) {
                continue;
            }
            if (x.equals(y)) {
                agree = true;
            } else if (field.type() == FieldType.VAT_ID) {
                contradict = true;
            }
        }
        if (agree && !contradict) {
            return 1;
        }
        return contradict && !agree ? (byte) -1 : 0;
    }

    /** The weighted fields that name the entity: company and person names, the surname of split names. */
    private static int[] nameFields(List<PreparedField> weighted) {
        return IntStream.range(0, weighted.size())
                .filter(f -> switch (weighted.get(f).type()) {
                    case COMPANY, NAME, SURNAME -> true;
                    default -> false;
                })
                .toArray();
    }

    /**
     * True when a name field disagrees completely: then an agreeing id is more likely a mistyped or reused number
     * than the same entity, and the pair is scored on its fields like any other instead of linked outright.
     */
    private static boolean namesDiffer(byte[] levels, int row, int[] names, List<PreparedField> weighted) {
        for (int f : names) {
            if (levels[row + f] == weighted.get(f).type().levels() - 1) {
                return true;
            }
        }
        return false;
    }

    private static double[] recordProbabilities(
            int n, ScoredPairs pairs, int[] clusterOf, ClusterConstraints constraints) {
        double[] best = new double[n];
        int[] size = new int[n];
        for (int i = 0; i < n; i++) {
            size[clusterOf[i]]++;
        }
        for (int p = 0; p < pairs.size(); p++) {
            int x = pairs.a(p);
            int y = pairs.b(p);
            if (clusterOf[x] == clusterOf[y]) {
                double probability = pairs.probability(p);
                best[x] = Math.max(best[x], probability);
                best[y] = Math.max(best[y], probability);
            }
        }
        for (int[] forced : constraints.forceMatch()) {
            if (clusterOf[forced[0]] == clusterOf[forced[1]]) {
                best[forced[0]] = 1.0;
                best[forced[1]] = 1.0;
            }
        }
        for (int i = 0; i < n; i++) {
            if (size[clusterOf[i]] == 1) {
                best[i] = 1.0;
            }
        }
        return best;
    }

    static double logit(double probability) {
        return Math.log(probability / (1 - probability));
    }
}
