package io.salesbi.pipeline.cli;

import io.salesbi.match.CustomerReviewMatch;
import io.salesbi.match.MatchSettings;
import io.salesbi.match.ReviewSession;
import io.salesbi.match.adhoc.AdHocMatch;
import io.salesbi.match.engine.EngineSettings;
import io.salesbi.match.engine.MatchField;
import io.salesbi.match.quality.TruthFile;
import io.salesbi.pipeline.config.SalesbiSettings;
import io.salesbi.pipeline.warehouse.Warehouse;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code salesbi match review}: active learning for the steward at the console. Shows the pairs the model is least
 * sure of (of the last night's customer match, or of a list given with --input), asks yes / no / unsure for each,
 * appends the answers to the overrides file the night reads, and estimates the model again after every --batch
 * labels, showing what changed.
 */
@Command(
        name = "review",
        mixinStandardHelpOptions = true,
        description = {
            "Asks about the pairs the matcher is least sure of, one at a time: y (same), n (different), u (unsure), "
                    + "q (quit); answers are read line by line from standard input.",
            "Without --input: the customer records of the last night in the warehouse (--home/--config), labels "
                    + "appended to the night's overrides file (match.overrides-file). With --input: a CSV or .xlsx "
                    + "list with --id and --field as for 'salesbi match', labels appended to --overrides.",
            "After every --batch labels the model is estimated again with them and the change is shown; with "
                    + "--truth also the quality on the records outside the labelled pairs."
        })
final class MatchReviewCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    HomeOptions home;

    @Option(names = "--input", paramLabel = "FILE", description = "CSV or .xlsx list to review instead of the night.")
    Path input;

    @Option(names = "--id", paramLabel = "COLUMN", description = "With --input: the column holding the record id.")
    String idColumn;

    @Option(
            names = "--field",
            paramLabel = "COLUMN=TYPE",
            description = "With --input: a column to match on and its type, as for 'salesbi match' (repeat).")
    List<String> fields;

    @Option(
            names = "--default-country",
            paramLabel = "ISO",
            defaultValue = "DE",
            description = "With --input: country assumed for phone numbers without prefix (default: ${DEFAULT-VALUE}).")
    String defaultCountry;

    @Option(
            names = "--overrides",
            paramLabel = "FILE|DIR",
            description = "Overrides file (.csv or .xlsx) or folder the labels are appended to and read from; required "
                    + "with --input, else the night's match.overrides-file.")
    Path overrides;

    @Option(
            names = "--batch",
            paramLabel = "N",
            defaultValue = "50",
            description = "Labels after which the model is estimated again (default: ${DEFAULT-VALUE}).")
    int batch;

    @Option(
            names = "--pairs",
            paramLabel = "N",
            defaultValue = "100",
            description = "Pairs to ask about at most (default: ${DEFAULT-VALUE}).")
    int pairs;

    @Option(
            names = "--truth",
            paramLabel = "FILE",
            description = "Ground truth (CSV/.xlsx) to show the quality on the records outside the labelled pairs; "
                    + "for the night a file with source_system, source_key and the entity column, like the demo's "
                    + "truth/customer_truth.csv.")
    Path truth;

    @Option(
            names = "--truth-column",
            paramLabel = "COL",
            defaultValue = "entity_id",
            description = "Entity column in the truth file (default: ${DEFAULT-VALUE}).")
    String truthColumn;

    /** Where the answers come from; standard input unless a test sets it. */
    BufferedReader answers;

    @Override
    public Integer call() throws Exception {
        if (batch < 1 || pairs < 1) {
            throw new ParameterException(
                    spec.commandLine(), "--batch " + batch + " / --pairs " + pairs + ": expected N >= 1");
        }
        PrintWriter out = spec.commandLine().getOut();
        ReviewSession.Matcher matcher;
        Path labels;
        Map<String, String> truthMap;
        if (input != null) {
            if (idColumn == null || fields == null || overrides == null) {
                throw new ParameterException(
                        spec.commandLine(),
                        "--input needs --id COLUMN, --field COLUMN=TYPE and --overrides FILE (where the labels go)");
            }
            List<MatchField> parsed = MatchCommand.parseFields(spec, fields);
            EngineSettings defaults = EngineSettings.defaults();
            EngineSettings settings = new EngineSettings(
                    defaults.matchThreshold(),
                    defaults.reviewThreshold(),
                    defaults.maxBlockSize(),
                    defaults.randomPairs(),
                    defaults.emIterations(),
                    defaultCountry.toUpperCase(Locale.ROOT),
                    null,
                    defaults.unscoredPairProbability());
            AdHocMatch adHoc = new AdHocMatch(settings);
            Path overridesFile = overrides;
            matcher = () -> {
                try {
                    return adHoc.run(input, idColumn, parsed, overridesFile);
                } catch (AdHocMatch.UnknownColumnException e) {
                    throw new ParameterException(spec.commandLine(), e.getMessage(), e);
                }
            };
            labels = overrides;
            truthMap = truth == null ? null : TruthFile.read(truth, idColumn, truthColumn);
        } else {
            if (idColumn != null || fields != null) {
                throw new ParameterException(
                        spec.commandLine(), "--id and --field go with --input; the night's fields are fixed");
            }
            SalesbiSettings settings = home.settings();
            Path warehouse = home.existingWarehouse(settings);
            labels = overrides != null ? overrides : settings.match().overridesFile();
            MatchSettings match = new MatchSettings(
                    settings.match().matchThreshold(),
                    settings.match().reviewThreshold(),
                    labels,
                    null,
                    settings.match().sourcesWithoutDuplicates());
            CustomerReviewMatch night;
            try (Connection conn = Warehouse.openReadOnly(warehouse)) {
                night = CustomerReviewMatch.read(conn, match);
            }
            if (night.records() == 0) {
                throw new SalesbiCommand.UsageException(
                        "the warehouse " + warehouse + " holds no customer records to review; run a night first");
            }
            matcher = night;
            truthMap = truth == null ? null : TruthFile.read(truth, "record_key", truthColumn);
        }
        BufferedReader in = answers != null
                ? answers
                : new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        new ReviewSession(matcher, labels, batch, pairs, truthMap, in, out).run();
        return SalesbiCommand.EXIT_OK;
    }
}
