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
        description = {
            "Finds records that describe the same customer, person or thing in a CSV or .xlsx list.",
            "Writes id,cluster_id,match_probability per record; with --truth also prints precision, recall and F1."
        })
public final class MatchCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--input", required = true, paramLabel = "FILE", description = "CSV or .xlsx file to match.")
    Path input;

    @Option(names = "--id", required = true, paramLabel = "COLUMN", description = "Column holding the record id.")
    String idColumn;

    @Option(
            names = "--field",
            required = true,
            paramLabel = "COLUMN=TYPE",
            description = {
                "A column to match on and its type (repeat the option). Types: company, name, given_name, surname, address, street, house_number, postcode, city, country, phone, email, website, vat_id, strong_id, date, exact, text.",
                "A column name may contain spaces: --field \"Company Name=company\"."
            })
    List<String> fields;

    @Option(names = "--output", required = true, paramLabel = "FILE", description = "CSV to write the clusters to.")
    Path output;

    @Option(names = "--truth", paramLabel = "FILE", description = "Ground truth CSV/.xlsx to measure quality against.")
    Path truth;

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

    @Option(names = "--model", paramLabel = "FILE", description = "Fixed m/u parameters (properties) instead of EM.")
    Path model;

    @Option(names = "--save-model", paramLabel = "FILE", description = "Write the estimated m/u parameters here.")
    Path saveModel;

    @Option(
            names = "--explain",
            arity = "2",
            paramLabel = "ID",
            description = "Explain the pair of these two record ids: each field's level, weight and term-frequency "
                    + "adjustment, the score and the decision.")
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
        List<MatchField> parsed = parseFields();
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
        PrintWriter out = spec.commandLine().getOut();
        AdHocMatchResult result;
        try {
            result = new AdHocMatch(settings).run(input, idColumn, parsed, overrides);
        } catch (AdHocMatch.UnknownColumnException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage(), e);
        }
        result.writeClusters(output);
        if (reviewOut != null) {
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
                out.print(result.explain(explain.get(0), explain.get(1)));
            } catch (IllegalArgumentException e) {
                throw new ParameterException(spec.commandLine(), e.getMessage(), e);
            }
        }
        if (truth != null) {
            Map<String, String> truthMap = TruthFile.read(truth, idColumn, truthColumn);
            out.println(MatchQuality.of(result.clusterIdsById(), truthMap).report());
        }
        out.flush();
        return 0;
    }

    private List<MatchField> parseFields() {
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
