package io.salesbi.match;

import io.salesbi.match.adhoc.AdHocMatchResult;
import io.salesbi.match.engine.MatchResult;
import io.salesbi.match.quality.MatchQuality;
import io.salesbi.match.steward.Override;
import io.salesbi.match.steward.OverridesAppender;
import io.salesbi.match.steward.OverridesReader;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Active learning at the console (issue #18, item 5): shows the steward the pairs the model is least sure of, one at
 * a time with their waterfall, asks yes / no / unsure, appends every yes or no at once to the overrides file the
 * matcher reads, and after every {@code batch} labels matches again, so that the labels both decide their pairs and
 * train the model (labelled matches give the m-probabilities, see {@code TrainingLabels}), and shows what changed:
 * the prior, the weights of exact agreement, matches, clusters and review pairs, and with a ground truth the quality
 * on the records outside the labelled pairs (the test set, not flattered by the labels). The answers are read line by
 * line, so a file or a test can feed them on standard input; the end of input ends the session like "q".
 */
public final class ReviewSession {

    /** Matches the records again, reading the overrides afresh, so that the labels given so far take part. */
    @FunctionalInterface
    public interface Matcher {
        AdHocMatchResult match() throws IOException, SQLException;
    }

    /**
     * What the session did.
     *
     * @param asked         pairs shown
     * @param yes           pairs labelled the same
     * @param no            pairs labelled different
     * @param unsure        pairs skipped
     * @param estimates     times the model was estimated again
     * @param overridesFile the file the labels were appended to
     * @param first         the match before any label
     * @param last          the match after the last estimate
     */
    public record Outcome(
            int asked,
            int yes,
            int no,
            int unsure,
            int estimates,
            Path overridesFile,
            AdHocMatchResult first,
            AdHocMatchResult last) {}

    private enum Answer {
        YES,
        NO,
        UNSURE,
        QUIT
    }

    private final Matcher matcher;
    private final OverridesAppender appender;
    private final int batch;
    private final int maxPairs;
    private final Map<String, String> truth;
    private final BufferedReader in;
    private final PrintWriter out;

    /**
     * @param overrides the overrides file or folder {@code matcher} reads; the labels are appended to it
     * @param batch     labels after which the model is estimated again
     * @param maxPairs  pairs to show at most
     * @param truth     record id → true entity, to show the quality on a test set; null for none
     */
    public ReviewSession(
            Matcher matcher,
            Path overrides,
            int batch,
            int maxPairs,
            Map<String, String> truth,
            BufferedReader in,
            PrintWriter out) {
        if (batch < 1 || maxPairs < 1) {
            throw new IllegalArgumentException(
                    "expected at least one label per estimate and one pair, got " + batch + " and " + maxPairs);
        }
        this.matcher = matcher;
        this.appender = new OverridesAppender(overrides);
        this.batch = batch;
        this.maxPairs = maxPairs;
        this.truth = truth;
        this.in = in;
        this.out = out;
    }

    public Outcome run() throws IOException, SQLException {
        AdHocMatchResult first = matcher.match();
        AdHocMatchResult current = first;
        out.printf(
                Locale.ROOT,
                "%,d records, %,d pairs compared, %,d matches, %,d clusters; %s%n",
                first.ids().size(),
                first.match().pairs().size(),
                first.matchPairs(),
                first.match().clusterCount(),
                first.match().convergence().describe());
        if (truth != null) {
            out.println("against the truth, all records: " + line(MatchQuality.of(first.clusterIdsById(), truth)));
        }
        out.printf(
                Locale.ROOT,
                "Label the pairs the model is least sure of: y = same, n = different, u = unsure (skip), q = quit. "
                        + "Labels are appended to %s; the model is estimated again after every %d labels.%n",
                appender.file(),
                batch);
        Set<String> asked = new HashSet<>();
        Set<String> labelledRecords = new HashSet<>();
        int yes = 0;
        int no = 0;
        int unsure = 0;
        int estimates = 0;
        int sinceEstimate = 0;
        boolean quit = false;
        while (!quit && asked.size() < maxPairs) {
            AdHocMatchResult round = current;
            List<Integer> candidates = round.uncertainPairs(batch + asked.size()).stream()
                    .filter(p -> !asked.contains(key(round, p)))
                    .toList();
            if (candidates.isEmpty()) {
                break;
            }
            for (int p : candidates) {
                if (asked.size() >= maxPairs || sinceEstimate >= batch) {
                    break;
                }
                asked.add(key(round, p));
                String a = round.ids().get(round.match().pairs().a(p));
                String b = round.ids().get(round.match().pairs().b(p));
                out.printf(Locale.ROOT, "%n[%d] ", asked.size());
                out.print(round.explainPair(p));
                Answer answer = ask();
                if (answer == Answer.QUIT) {
                    quit = true;
                    break;
                }
                if (answer == Answer.UNSURE) {
                    unsure++;
                    continue;
                }
                boolean same = answer == Answer.YES;
                appender.append(
                        a,
                        b,
                        same,
                        String.format(
                                Locale.ROOT,
                                "salesbi match review (match probability %.4f)",
                                round.match().pairs().probability(p)));
                labelledRecords.add(a);
                labelledRecords.add(b);
                yes += same ? 1 : 0;
                no += same ? 0 : 1;
                sinceEstimate++;
            }
            if (sinceEstimate >= batch) {
                current = estimateAgain(first, current, yes, no, labelledRecords);
                estimates++;
                sinceEstimate = 0;
            }
        }
        if (sinceEstimate > 0) {
            current = estimateAgain(first, current, yes, no, labelledRecords);
            estimates++;
        }
        out.printf(
                Locale.ROOT,
                "%nreviewed %d pairs: %d same, %d different, %d unsure; labels in %s%n",
                asked.size() - (quit ? 1 : 0),
                yes,
                no,
                unsure,
                appender.file());
        out.flush();
        return new Outcome(asked.size() - (quit ? 1 : 0), yes, no, unsure, estimates, appender.file(), first, current);
    }

    private AdHocMatchResult estimateAgain(
            AdHocMatchResult first, AdHocMatchResult before, int yes, int no, Set<String> labelledRecords)
            throws IOException, SQLException {
        AdHocMatchResult after = matcher.match();
        MatchResult b = before.match();
        MatchResult a = after.match();
        out.printf(
                Locale.ROOT,
                "%nestimated again with %d labels of this session (%d same, %d different): %s%n",
                yes + no,
                yes,
                no,
                a.convergence().describe());
        out.printf(
                Locale.ROOT,
                "  prior match probability %.3g -> %.3g%n",
                b.parameters().lambda(),
                a.parameters().lambda());
        StringBuilder weights = new StringBuilder();
        for (int f = 0; f < a.weightedFields().size(); f++) {
            double from = b.weights()[f][0];
            double to = a.weights()[f][0];
            if (Math.abs(to - from) >= 0.05) {
                weights.append(weights.length() == 0 ? "" : ", ")
                        .append(String.format(
                                Locale.ROOT,
                                "%s %+.1f -> %+.1f",
                                a.weightedFields().get(f),
                                from,
                                to));
            }
        }
        out.println("  weight of exact agreement: " + (weights.length() == 0 ? "unchanged" : weights));
        out.printf(
                Locale.ROOT,
                "  matches %,d -> %,d, clusters %,d -> %,d, pairs to review %,d -> %,d%n",
                before.matchPairs(),
                after.matchPairs(),
                b.clusterCount(),
                a.clusterCount(),
                before.reviewPairs().size(),
                after.reviewPairs().size());
        if (truth != null) {
            Map<String, String> test = new HashMap<>(truth);
            test.keySet().removeAll(labelledRecords);
            Map<String, String> start = new HashMap<>(first.clusterIdsById());
            Map<String, String> now = new HashMap<>(after.clusterIdsById());
            start.keySet().retainAll(test.keySet());
            now.keySet().retainAll(test.keySet());
            out.printf(
                    Locale.ROOT,
                    "  test set (%,d records of the truth outside the labelled pairs): before the labels %s%n"
                            + "                                                  now %s%n",
                    start.size(),
                    line(MatchQuality.of(start, test)),
                    line(MatchQuality.of(now, test)));
        }
        out.flush();
        return after;
    }

    private Answer ask() throws IOException {
        while (true) {
            out.print("same? [y]es / [n]o / [u]nsure / [q]uit: ");
            out.flush();
            String line = in.readLine();
            if (line == null) {
                out.println();
                return Answer.QUIT;
            }
            String answer = line.strip().toLowerCase(Locale.ROOT);
            if (answer.equals("q") || answer.equals("quit") || answer.equals("exit")) {
                return Answer.QUIT;
            }
            if (answer.equals("u") || OverridesReader.isUnsure(answer)) {
                return Answer.UNSURE;
            }
            if (!answer.isEmpty()) {
                Override.Action action = OverridesReader.parseAction(answer);
                if (action != null) {
                    return action == Override.Action.FORCE_MATCH ? Answer.YES : Answer.NO;
                }
            }
            out.println("'" + line.strip() + "': answer y (same), n (different), u (unsure) or q (quit)");
        }
    }

    private static String key(AdHocMatchResult result, int pair) {
        String a = result.ids().get(result.match().pairs().a(pair));
        String b = result.ids().get(result.match().pairs().b(pair));
        return a.compareTo(b) < 0 ? a + '\u0000' + b : b + '\u0000' + a;
    }

    private static String line(MatchQuality quality) {
        return String.format(
                Locale.ROOT,
                "pairwise precision %.4f, recall %.4f, F1 %.4f",
                quality.precision(),
                quality.recall(),
                quality.f1());
    }
}
