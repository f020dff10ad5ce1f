package io.salesbi.pipeline.cli;

import io.salesbi.pipeline.config.InvalidSettingsException;
import io.salesbi.pipeline.warehouse.WarehouseBusyException;
import java.io.PrintWriter;
import java.util.ServiceLoader;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.HelpCommand;

/**
 * The {@code salesbi} command line. Exit codes: 0 ok, 1 the run failed, 2 bad usage or configuration,
 * 3 the warehouse is busy (another process owns it), 4 the night completed with warnings (a file was rejected, or
 * nothing delivered reached the KPIs).
 */
@Command(
        name = "salesbi",
        mixinStandardHelpOptions = true,
        version = "salesbi 0.1.0",
        description = "Sales BI for mid-sized B2B companies: loads Excel, CRM and ERP exports every night, "
                + "deduplicates customers, computes KPIs, serves them over JDBC and renders dashboards.",
        subcommands = {
            DemoCommand.class,
            GenerateCommand.class,
            RunCommand.class,
            ServeCommand.class,
            DashboardsCommand.class,
            SqlCommand.class,
            HistoryCommand.class,
            AuditCommand.class,
            HashPasswordCommand.class,
            MatchCommand.class,
            ValidateCommand.class,
            MappingCommand.class,
            ExportCommand.class,
            PrivacyCommand.class,
            SubscriptionsCommand.class,
            HelpCommand.class
        },
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:ok",
            "1:the run failed",
            "2:bad usage or configuration",
            "3:the warehouse is busy (another process owns it)",
            "4:the night completed with warnings: a file was rejected (as a whole, or more of its rows "
                    + "quarantined than its mapping's max-reject-ratio), or files were delivered but none of "
                    + "their rows reached the KPIs; 'salesbi history RUN_ID' names the files and rules"
        })
public final class SalesbiCommand implements Runnable {

    public static final int EXIT_OK = 0;
    public static final int EXIT_RUN_FAILED = 1;
    public static final int EXIT_USAGE = 2;
    public static final int EXIT_BUSY = 3;
    public static final int EXIT_WARNINGS = 4;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** Global, so both {@code salesbi --verbose demo} and {@code salesbi demo --verbose} work. */
    @CommandLine.Option(
            names = "--verbose",
            scope = CommandLine.ScopeType.INHERIT,
            description = "Show every log line, libraries' INFO included (default: warnings and one line per step).")
    void verbose(boolean verbose) {
        if (verbose) {
            Verbosity.verbose();
        }
    }

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "a command is required");
    }

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    /** The configured command line: one clear line and exit code 2 for usage errors, 3 when the warehouse is busy. */
    public static CommandLine commandLine() {
        CommandLine cli = new CommandLine(new SalesbiCommand());
        ServiceLoader.load(SubcommandExtension.class).forEach(cli::addSubcommand);
        cli.setParameterExceptionHandler((ex, args) -> {
            PrintWriter err = ex.getCommandLine().getErr();
            String command = ex.getCommandLine().getCommandName();
            err.println(command + ": " + ex.getMessage() + " (try '" + qualified(ex.getCommandLine()) + " --help')");
            return EXIT_USAGE;
        });
        cli.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            PrintWriter err = commandLine.getErr();
            if (ex instanceof InvalidSettingsException invalid) {
                err.println(
                        "salesbi: the configuration has " + invalid.problems().size() + " problem(s):");
                invalid.problems().forEach(p -> err.println("  - " + p));
                return EXIT_USAGE;
            }
            if (ex instanceof WarehouseBusyException busy) {
                err.println("salesbi: " + busy.getMessage());
                return EXIT_BUSY;
            }
            if (ex instanceof UsageException usage) {
                err.println(commandLine.getCommandName() + ": " + usage.getMessage());
                return EXIT_USAGE;
            }
            err.println("salesbi: " + (ex.getMessage() == null ? ex.toString() : ex.getMessage()));
            org.slf4j.LoggerFactory.getLogger(SalesbiCommand.class).debug("command failed", ex);
            return EXIT_RUN_FAILED;
        });
        return cli;
    }

    private static String qualified(CommandLine cl) {
        return cl.getParent() == null ? cl.getCommandName() : qualified(cl.getParent()) + " " + cl.getCommandName();
    }

    /** A usage problem found after parsing (e.g. a folder that does not exist): one line, exit code 2. */
    public static final class UsageException extends RuntimeException {
        public UsageException(String message) {
            super(message);
        }
    }
}
