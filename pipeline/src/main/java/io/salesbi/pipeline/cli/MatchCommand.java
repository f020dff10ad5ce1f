package io.salesbi.pipeline.cli;

import io.salesbi.match.adhoc.AdHocMatch;
import io.salesbi.match.adhoc.AdHocMatchResult;
import io.salesbi.match.engine.EngineSettings;
import io.salesbi.match.engine.FieldType;
import io.salesbi.match.engine.MatchField;
import io.salesbi.match.engine.ModelParameters;
import io.salesbi.match.quality.MatchQuality;
import io.salesbi.match.quality.TruthFile;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code salesbi match}: finds the duplicates in any CSV or .xlsx list and writes one cluster id per record. */
@Command(
        name = "match",
        mixinStandardHelpOptions = true,
        subcommands = MatchReviewCommand.class,
        description = {
            "Finds records that describe the same customer, person or thing in a CSV or .xlsx list.",
            "Writes id,cluster_id,match_probability per record; with --truth also prints precision, recall and F1.",
            "'salesbi match review' asks the steward about the pairs the model is least sure of."
        })
public final class MatchCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--input", paramLabel = "FILE", description = "CSV or .xlsx file to match (or --link).")
    Path input;

    @Option(
            names = "--link",
            arity = "2",
            paramLabel = "FILE",
            description = "Link two lists instead of deduplicating one: only pairs across the two files are compared "
                    + "and linked, never two records of one list. Both files need the --id and --field columns.")
    List<Path> link;

    @Option(
            names = "--link-mode",
            paramLabel = "MODE",
            defaultValue = "one-to-one",
            description = "With --link: one-to-one (each record linked to at most one of the other list) or "
                    + "one-to-many (a record of the first list may take several of the second; default: "
                    + "${DEFAULT-VALUE}).")
    String linkMode;

    // --id, --field and --output are required, checked in call(): picocli would demand them of 'match review' too
    @Option(names = "--id", paramLabel = "COLUMN", description = "Column holding the record id (required).")
    String idColumn;

    @Option(
            names = "--field",
            paramLabel = "COLUMN=TYPE",
            description = {
                "A column to match on and its type (repeat the option; at least one). Types: company, name, given_name, surname, address, street, house_number, postcode, city, country, phone, email, website, vat_id, strong_id, date, exact, text, persons (a list of persons such as authors; also: authors), year.",
                "A column name may contain spaces: --field \"Company Name=company\"."
            })
    List<String> fields;

    @Option(names = "--output", paramLabel = "FILE", description = "CSV to write the clusters to (required).")
    Path output;

    @Option(names = "--truth", paramLabel = "FILE", description = "Ground truth CSV/.xlsx to measure quality against.")
    Path truth;

    @Option(
            names = "--train-share",
            paramLabel = "S",
            defaultValue = "0",
            description = {
                "With --truth: train the model on the pairs of this share of the truth's entities (a fixed-seed draw of "
                        + "those with more than one record, e.g. 0.1) as labelled matches; quality is then also "
                        + "reported on the records of the other entities alone (default: ${DEFAULT-VALUE}, truth only "
                        + "measures)."
            })
    double trainShare;

    @Option(
            names = "--truth-column",
            paramLabel = "COL",
            defaultValue = "entity_id",
            description = "Entity column in the truth file (default: ${DEFAULT-VALUE}).")
    String truthColumn;

    @Option(
            names = "--match-threshold",
            paramLabel = "P",
            defaultValue = "0.9",
            description = "Match probability from which two records are the same (default: ${DEFAULT-VALUE}).")
    double matchThreshold;

    @Option(
            names = "--review-threshold",
            paramLabel = "P",
            defaultValue = "0.5",
            description = "Match probability from which a pair is listed for review (default: ${DEFAULT-VALUE}).")
    double reviewThreshold;

    @Option(
            names = "--overrides",
            paramLabel = "FILE|DIR",
            description = "Steward decisions (.csv or .xlsx with record_1, record_2, action/decision), by record id.")
    Path overrides;

    @Option(names = "--review-out", paramLabel = "FILE", description = "Write the review band to this .xlsx file.")
    Path reviewOut;

    @Option(
            names = "--uncertain",
            paramLabel = "N",
            description = "With --review-out: list the N pairs the model is least sure of instead of the review band "
                    + "(active learning); label them yes/no in the decision column and pass the file back with "
                    + "--overrides to re-estimate the model from the labels.")
    Integer uncertain;

    @Option(
            names = "--simulate-review",
            paramLabel = "N",
            description =
                    "With --truth: label the N least certain pairs from the truth, as a steward would, re-estimate "
                            + "with them as training labels and print the quality before and after.")
    Integer simulateReview;

    @Option(names = "--model", paramLabel = "FILE", description = "Fixed m/u parameters (properties) instead of EM.")
    Path model;

    @Option(names = "--save-model", paramLabel = "FILE", description = "Write the estimated m/u parameters here.")
    Path saveModel;

    @Option(
            names = "--truth-samples",
            paramLabel = "N",
            defaultValue = "3",
            description = "With --truth: explain this many false merges (strongest first) and missed pairs (closest "
                    + "to a match first), as --explain does (default: ${DEFAULT-VALUE}; 0 prints only their counts).")
    int truthSamples;

    @Option(
            names = "--explain",
            arity = "2",
            paramLabel = "ID",
            description = "Explain the pair of these two record ids: each field's level, weight and term-frequency "
                    + "adjustment, the score and the decision (repeat the option for more pairs).")
    List<String> explain;

    @Option(
            names = "--max-block-size",
            paramLabel = "N",
            defaultValue = "100",
            description = "Blocks larger than this are refined by a second field (default: ${DEFAULT-VALUE}).")
    int maxBlockSize;

    @Option(
            names = "--default-country",
            paramLabel = "ISO",
            defaultValue = "DE",
            description = "Country assumed for phone numbers without prefix (default: ${DEFAULT-VALUE}).")
    String defaultCountry;

    @Override
    public Integer call() throws Exception {
        if (idColumn == null || fields == null || output == null) {
            throw new ParameterException(
                    spec.commandLine(),
                    "Missing required options: --id=COLUMN, --field=COLUMN=TYPE and --output=FILE"
                            + " (or 'salesbi match review')");
        }
        List<MatchField> parsed = parseFields(spec, fields);
        EngineSettings base = EngineSettings.defaults();
        EngineSettings settings;
        try {
            settings = new EngineSettings(
                    matchThreshold,
                    reviewThreshold,
                    maxBlockSize,
                    base.randomPairs(),
                    base.emIterations(),
                    defaultCountry.toUpperCase(Locale.ROOT),
                    model == null ? null : ModelParameters.read(model),
                    base.unscoredPairProbability());
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage(), e);
        }
        if (uncertain != null && (uncertain < 1 || reviewOut == null)) {
            throw new ParameterException(
                    spec.commandLine(), "--uncertain " + uncertain + ": expected N >= 1, with --review-out");
        }
        if (simulateReview != null && (simulateReview < 1 || truth == null)) {
            throw new ParameterException(
                    spec.commandLine(), "--simulate-review " + simulateReview + ": expected N >= 1, with --truth");
        }
        if ((input == null) == (link == null)) {
            throw new ParameterException(spec.commandLine(), "give either --input FILE or --link FILE FILE");
        }
        boolean oneToOne = switch (linkMode.toLowerCase(Locale.ROOT)) {
            case "one-to-one" -> true;
            case "one-to-many" -> false;
            default ->
                throw new ParameterException(
                        spec.commandLine(), "--link-mode '" + linkMode + "': expected one-to-one or one-to-many");
        };
        if (trainShare < 0 || trainShare > 1 || trainShare > 0 && truth == null) {
            throw new ParameterException(
                    spec.commandLine(), "--train-share " + trainShare + ": expected a share from 0 to 1, with --truth");
        }
        PrintWriter out = spec.commandLine().getOut();
        Map<String, String> truthMap = truth == null ? null : TruthFile.read(truth, idColumn, truthColumn);
        Map<String, String> training = trainShare > 0 ? TruthFile.trainingShare(truthMap, trainShare) : Map.of();
        AdHocMatch matcher = new AdHocMatch(settings).withTrainingEntities(training);
        AdHocMatchResult result;
        try {
            result = link == null
                    ? matcher.run(input, idColumn, parsed, overrides)
                    : matcher.link(link.get(0), link.get(1), idColumn, parsed, overrides, oneToOne);
        } catch (AdHocMatch.UnknownColumnException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage(), e);
        }
        if (!training.isEmpty()) {
            out.printf(
                    Locale.ROOT,
                    "training labels: %d records of %d entities from %s%n",
                    training.size(),
                    new HashSet<>(training.values()).size(),
                    truth);
        }
        result.writeClusters(output);
        if (reviewOut != null && uncertain != null) {
            result.writeUncertainList(reviewOut, uncertain);
        } else if (reviewOut != null) {
            result.writeReviewList(reviewOut);
        }
        if (saveModel != null) {
            result.match().parameters().write(saveModel);
        }
        out.printf(
                Locale.ROOT,
                "records %d, clusters %d, pairs compared %d, time %.2f s%n",
                result.ids().size(),
                result.match().clusterCount(),
                result.match().pairs().size(),
                result.match().millis() / 1000.0);
        out.printf(
                Locale.ROOT,
                "model: %s, prior match probability %.3g%n",
                result.match().convergence().describe(),
                result.match().parameters().lambda());
        out.printf(
                Locale.ROOT,
                "matches %d, to review %d; clusters written to %s%n",
                result.matchPairs(),
                result.reviewPairs().size(),
                output);
        if (explain != null) {
            try {
                for (int k = 0; k + 1 < explain.size(); k += 2) {
                    out.print(result.explain(explain.get(k), explain.get(k + 1)));
                }
            } catch (IllegalArgumentException e) {
                throw new ParameterException(spec.commandLine(), e.getMessage(), e);
            }
        }
        if (truthMap != null) {
            MatchQuality quality = MatchQuality.of(result.clusterIdsById(), truthMap);
            out.println(quality.report());
            out.print(result.truthSamples(
                    truthMap,
                    quality.predictedPairs() - quality.correctPairs(),
                    quality.truePairs() - quality.correctPairs(),
                    truthSamples));
            if (!training.isEmpty()) {
                Map<String, String> predicted = new LinkedHashMap<>(result.clusterIdsById());
                Map<String, String> heldOut = new HashMap<>(truthMap);
                predicted.keySet().removeAll(training.keySet());
                heldOut.keySet().removeAll(training.keySet());
                out.println("held out (records of entities not used for training):");
                out.println(
                        heldOut.isEmpty()
                                ? "no records: every entity of the truth was drawn for training"
                                : MatchQuality.of(predicted, heldOut).report());
            }
        }
        if (simulateReview != null) {
            simulateReview(out, matcher, result, parsed, truthMap, oneToOne);
        }
        out.flush();
        return 0;
    }

    /** Active learning on a test set: the least certain pairs labelled from the truth, the model re-estimated. */
    private void simulateReview(
            PrintWriter out,
            AdHocMatch matcher,
            AdHocMatchResult before,
            List<MatchField> parsed,
            Map<String, String> truthMap,
            boolean oneToOne)
            throws Exception {
        List<List<String>> yes = before.labelUncertainFromTruth(simulateReview, truthMap);
        AdHocMatch trained = matcher.withTrainingPairs(yes);
        AdHocMatchResult after = link == null
                ? trained.run(input, idColumn, parsed, overrides)
                : trained.link(link.get(0), link.get(1), idColumn, parsed, overrides, oneToOne);
        Map<String, String> heldOut = new HashMap<>(truthMap);
        for (List<String> pair : yes) {
            heldOut.keySet().removeAll(pair);
        }
        out.printf(
                Locale.ROOT,
                "simulated review: %d least certain pairs labelled from the truth, %d of them yes (training labels); "
                        + "%s%n",
                simulateReview,
                yes.size(),
                after.match().convergence().describe());
        out.println("before the labels, all records:");
        out.println(MatchQuality.of(before.clusterIdsById(), truthMap).report());
        out.println("after the labels, all records:");
        out.println(MatchQuality.of(after.clusterIdsById(), truthMap).report());
        out.println("records outside the pairs labelled yes (the test set), before and after:");
        out.println(MatchQuality.of(before.clusterIdsById(), heldOut).report());
        out.println(MatchQuality.of(after.clusterIdsById(), heldOut).report());
    }

    /** The --field options as typed fields; a malformed one is a usage error. */
    static List<MatchField> parseFields(CommandSpec spec, List<String> fields) {
        List<MatchField> parsed = new ArrayList<>();
        for (String field : fields) {
            int eq = field.lastIndexOf('=');
            if (eq <= 0 || eq == field.length() - 1) {
                throw new ParameterException(
                        spec.commandLine(),
                        "--field '" + field + "': expected COLUMN=TYPE, e.g. \"Company Name=company\"");
            }
            try {
                parsed.add(new MatchField(field.substring(0, eq), FieldType.parse(field.substring(eq + 1))));
            } catch (IllegalArgumentException e) {
                throw new ParameterException(spec.commandLine(), "--field '" + field + "': " + e.getMessage(), e);
            }
        }
        return parsed;
    }
}
