package io.salesbi.pipeline.cli;

import io.salesbi.generator.DemoDataGenerator;
import io.salesbi.generator.GenerationSummary;
import io.salesbi.generator.GeneratorSettings;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code salesbi generate}: a demo inbox for a fictional German manufacturer. */
@Command(
        name = "generate",
        mixinStandardHelpOptions = true,
        description = "Writes a demo inbox (CRM, ERP, sales reps' Excel lists, market study, channel costs, "
                + "cost-to-serve drivers) to DIR/inbox and the matching ground truth to DIR/truth. "
                + "Deterministic for a seed; --scale 1 is about 5,000 customer records and 500,000 order lines.")
final class GenerateCommand implements Callable<Integer> {

    @Option(
            names = "--scale",
            defaultValue = "1",
            paramLabel = "N",
            description = "Size factor (default: ${DEFAULT-VALUE}).")
    double scale;

    @Option(
            names = "--seed",
            defaultValue = "42",
            paramLabel = "S",
            description = "Random seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Output folder.")
    Path out;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        if (!(scale > 0)) {
            throw new SalesbiCommand.UsageException("--scale must be greater than 0, was " + scale);
        }
        GenerationSummary summary = generate(scale, seed, out);
        PrintWriter o = spec.commandLine().getOut();
        o.printf(
                "Generated %,d customer records (%,d companies) and %,d order lines in %s%n",
                summary.sourceCustomerRecords(),
                summary.customerEntities(),
                summary.orderLines(),
                out.toAbsolutePath());
        o.flush();
        return SalesbiCommand.EXIT_OK;
    }

    static GenerationSummary generate(double scale, long seed, Path out) throws Exception {
        long start = System.nanoTime();
        GenerationSummary summary =
                new DemoDataGenerator(new GeneratorSettings(scale, seed, out, DemoCommand.DEMO_EXPORT_DATE)).generate();
        org.slf4j.LoggerFactory.getLogger(GenerateCommand.class)
                .info(
                        "Demo data generated in {} ms",
                        Duration.ofNanos(System.nanoTime() - start).toMillis());
        return summary;
    }
}
