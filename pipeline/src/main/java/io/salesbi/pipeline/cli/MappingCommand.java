package io.salesbi.pipeline.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code salesbi mapping}: tools for a source's mapping file; today {@code init}. */
@Command(
        name = "mapping",
        mixinStandardHelpOptions = true,
        description = "Works with mapping files (how a source's columns become canonical fields).",
        subcommands = {MappingInitCommand.class})
final class MappingCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "a subcommand is required (init)");
    }
}
