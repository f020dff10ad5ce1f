package io.salesbi.pipeline.cli;

import io.salesbi.pipeline.config.SalesbiSettings;
import io.salesbi.pipeline.privacy.AccessReport;
import io.salesbi.pipeline.privacy.Erasure;
import io.salesbi.pipeline.privacy.Person;
import io.salesbi.pipeline.privacy.PersonalDataSearch;
import io.salesbi.pipeline.warehouse.Warehouse;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code salesbi privacy}: a data subject's requests (GDPR Art. 15 access, Art. 17 erasure); docs/privacy.md. */
@Command(
        name = "privacy",
        mixinStandardHelpOptions = true,
        description = "A person's data: 'export' reports everything held of them, 'erase' erases them for good.",
        subcommands = {PrivacyCommand.Export.class, PrivacyCommand.Erase.class})
final class PrivacyCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new picocli.CommandLine.ParameterException(spec.commandLine(), "export or erase is required");
    }

    /** The identifiers of the person; at least one. */
    static final class Who {

        @Option(names = "--email", paramLabel = "ADDRESS", description = "The person's e-mail address.")
        String email;

        @Option(names = "--name", paramLabel = "\"FIRST LAST\"", description = "The person's full name.")
        String name;

        @Option(
                names = "--phone",
                paramLabel = "NUMBER",
                description = "The person's phone number (compared as digits).")
        String phone;

        Person person() {
            try {
                return new Person(email, name, phone);
            } catch (IllegalArgumentException e) {
                throw new SalesbiCommand.UsageException(e.getMessage());
            }
        }
    }

    @Command(
            name = "export",
            mixinStandardHelpOptions = true,
            description = "Finds the person in the warehouse (raw, staging, quarantine, core and KPI relations the "
                    + "catalogue of personal data declares, and the JDBC audit trail ops.audit: give a staff member's "
                    + "user name as --name), the archive and the error folder, and writes one report "
                    + "as JSON and Markdown with the table and column, or file, sheet and row, of every place. "
                    + "Reads the warehouse read-only; changes nothing.")
    static final class Export implements Callable<Integer> {

        @Mixin
        HomeOptions home;

        @Mixin
        Who who;

        @Option(
                names = "--out",
                paramLabel = "DIR",
                description = "Report folder (default: privacy/ in the home folder).")
        Path out;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            SalesbiSettings settings = home.settings();
            Person person = who.person();
            PersonalDataSearch.Result found;
            try (Connection conn = Warehouse.openReadOnly(settings.warehouse())) {
                found = search(settings).find(conn, person);
            }
            AccessReport report = found.report();
            Path dir = out != null ? out : settings.home().resolve("privacy");
            List<Path> files = report.write(dir, "access-report-" + LocalDate.now());
            PrintWriter o = spec.commandLine().getOut();
            summary(o, report);
            o.println("Report written to " + files.get(0) + " and " + files.get(1));
            o.flush();
            return SalesbiCommand.EXIT_OK;
        }
    }

    @Command(
            name = "erase",
            mixinStandardHelpOptions = true,
            description = "Erases the person for good: pseudonymises their values in the warehouse (incl. quarantine "
                    + "and match evidence), rewrites the archived and error files holding them, puts keyed hashes of "
                    + "the identifiers given on the suppression list (later deliveries of the person are dropped at "
                    + "loading and counted as suppressed) and records the erasure in ops.privacy_audit. The JDBC "
                    + "audit trail ops.audit is kept (retention purges it; docs/privacy.md). Without "
                    + "--yes it only shows what it would change. Run it while no night or server holds the warehouse.")
    static final class Erase implements Callable<Integer> {

        @Mixin
        HomeOptions home;

        @Mixin
        Who who;

        @Option(
                names = "--yes",
                description = "Really erase (irreversible); also when the identifiers match " + "several people.")
        boolean yes;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            SalesbiSettings settings = home.settings();
            Person person = who.person();
            PrintWriter o = spec.commandLine().getOut();
            try (Warehouse warehouse = Warehouse.open(settings.warehouse());
                    Connection conn = warehouse.connect()) {
                PersonalDataSearch.Result found = search(settings).find(conn, person);
                AccessReport report = found.report();
                summary(o, report);
                long kept = report.hits().stream()
                        .filter(h -> h.place().equals("warehouse") && Erasure.keeps(h.location()))
                        .count();
                if (kept > 0) {
                    o.printf(
                            "Kept: %d rows of ops relations (the JDBC endpoint's audit trail is not erased; "
                                    + "retention.run-history-days purges it, docs/privacy.md).%n",
                            kept);
                }
                if (report.hits().size() == kept) {
                    o.println("Nothing to erase; the suppression list is not changed either.");
                    o.flush();
                    return SalesbiCommand.EXIT_OK;
                }
                if (!yes) {
                    o.println(
                            report.ambiguous()
                                    ? "The identifiers match several people; nothing changed. Narrow them (--email), or "
                                            + "erase all of them with --yes."
                                    : "Nothing changed yet: run again with --yes to erase (irreversible).");
                    o.flush();
                    return report.ambiguous() ? SalesbiCommand.EXIT_USAGE : SalesbiCommand.EXIT_OK;
                }
                Erasure.Outcome outcome =
                        new Erasure(settings.warehouse()).erase(conn, found, System.getProperty("user.name"));
                o.printf(
                        "Erased (erasure %s): %d warehouse values, %d files rewritten; the identifiers are on the "
                                + "suppression list.%n",
                        outcome.erasureId(), outcome.warehouseValues(), outcome.filesRewritten());
                outcome.places().forEach((place, n) -> o.printf("  %-40s %,d%n", place, n));
                o.flush();
                return SalesbiCommand.EXIT_OK;
            }
        }
    }

    private static PersonalDataSearch search(SalesbiSettings settings) {
        return new PersonalDataSearch(settings.home(), settings.archive(), settings.error());
    }

    /** Counts per place, never the values: the console may end in a log. */
    private static void summary(PrintWriter o, AccessReport report) {
        if (report.hits().isEmpty()) {
            o.println("No data of this person found in the warehouse, the archive or the error folder.");
            return;
        }
        o.printf(
                "%d places hold data of this person%s:%n",
                report.hits().size(),
                report.ambiguous()
                        ? " (the identifiers match " + report.people().size() + " different e-mail "
                                + "addresses: they may be different people)"
                        : "");
        report.counts().forEach((place, n) -> o.printf("  %-50s %,d%n", place, n));
        report.problems().forEach(p -> o.println("  not searched: " + p));
    }
}
