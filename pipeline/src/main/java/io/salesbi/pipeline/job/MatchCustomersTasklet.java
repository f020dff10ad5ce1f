package io.salesbi.pipeline.job;

import io.salesbi.match.CustomerMatcher;
import io.salesbi.match.MatchRunSummary;
import io.salesbi.match.MatchSettings;
import io.salesbi.pipeline.ingest.FileIngestor;
import io.salesbi.pipeline.warehouse.Warehouse;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * matchCustomersStep: customer records into golden customers with stable ids. The result is parked in staging and
 * published by the consolidate step ({@link MatchResultStaging}).
 */
final class MatchCustomersTasklet extends WarehouseTasklet {

    private final MatchSettings settings;

    MatchCustomersTasklet(Warehouse warehouse, MatchSettings settings) {
        super(warehouse);
        this.settings = settings;
    }

    @Override
    StepCounts work(Connection conn, NightContext night) throws Exception {
        String input = inputChecksum(conn);
        String previous = StepInputs.previous(conn, "matchCustomersStep");
        if (!night.full() && input.equals(previous)) {
            long customers = count(
                    conn,
                    MatchResultStaging.parked(conn)
                            ? "select count(*) from staging.next_customer_golden"
                            : "select count(*) from core.customer_golden");
            return new StepCounts(
                    0,
                    0,
                    0,
                    "customer records and overrides unchanged since the last match; " + customers
                            + " golden customers kept (run with --full to match anyway)");
        }
        MatchResultStaging.prepareParking(conn);
        MatchRunSummary summary = new CustomerMatcher(settings).run(conn, night.runId(), MatchResultStaging.PARKED);
        long customers = summary.customers();
        long xref = summary.records();
        StepInputs.record(conn, "matchCustomersStep", input, night.runId());
        return new StepCounts(xref, customers, 0, describe(summary));
    }

    /** The step's line for the user: a sentence, not the summary record's toString(). */
    static String describe(MatchRunSummary s) {
        return String.format(
                Locale.ROOT,
                "%d records matched into %d golden customers; %,d pairs compared, "
                        + "%,d matched, %,d to review; %d new ids, %d merges, %d splits, %d steward overrides applied",
                s.records(),
                s.customers(),
                s.pairsCompared(),
                s.matchPairs(),
                s.reviewPairs(),
                s.newCustomers(),
                s.merges(),
                s.splits(),
                s.overridesApplied());
    }

    /**
     * The customer records to match plus the steward's overrides file, the thresholds and the sources without
     * duplicates: what the match result depends on.
     */
    private String inputChecksum(Connection conn) throws Exception {
        String records;
        try (var st = conn.createStatement();
                var rs = st.executeQuery(
                        "select count(*)::varchar || ':' || coalesce(sum(hash(r)::hugeint), 0)::varchar "
                                + "from staging.customer_record r")) {
            rs.next();
            records = rs.getString(1);
        }
        return records + "/" + overridesChecksum(settings.overridesFile()) + "/" + settings.matchThreshold() + "/"
                + settings.reviewThreshold() + "/"
                + new java.util.TreeSet<>(settings.sourcesWithoutDuplicates());
    }

    /** The overrides file, or every file of an overrides folder, by name and content. */
    private static String overridesChecksum(Path overrides) throws IOException {
        if (overrides == null || !Files.exists(overrides)) {
            return "none";
        }
        List<Path> files;
        try (Stream<Path> s = Files.isDirectory(overrides) ? Files.walk(overrides) : Stream.of(overrides)) {
            files = s.filter(Files::isRegularFile).sorted().toList();
        }
        StringBuilder fingerprint = new StringBuilder().append(files.size());
        for (Path f : files) {
            fingerprint.append(';').append(f.getFileName()).append('=').append(FileIngestor.sha256(f));
        }
        return fingerprint.toString();
    }

    private static long count(Connection conn, String sql) throws java.sql.SQLException {
        try (var st = conn.createStatement();
                var rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
