package io.salesbi.match;

import io.salesbi.match.adhoc.AdHocMatchResult;
import io.salesbi.match.engine.ClusterConstraints;
import io.salesbi.match.engine.EngineSettings;
import io.salesbi.match.engine.MatchEngine;
import io.salesbi.match.engine.MatchField;
import io.salesbi.match.engine.MatchResult;
import io.salesbi.match.record.CustomerRecord;
import io.salesbi.match.steward.AppliedOverrides;
import io.salesbi.match.steward.OverridesReader;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The last night's customer match, computed again in memory for the steward's review session: the customer records
 * of staging.customer_record and the previous customer ids are read once (the connection is not held while the
 * steward labels); every {@link #match()} reads the overrides file afresh and matches exactly as the night does
 * ({@link CustomerMatcher}: the same fields, thresholds, overrides as constraints and training labels, previous
 * customers as seeds), writing nothing.
 */
public final class CustomerReviewMatch implements ReviewSession.Matcher {

    private final MatchSettings settings;
    private final List<String> keys;
    private final String[][] columns;
    private final Map<String, Integer> indexOfKey;
    private final int[] seeds;
    private final List<CustomerRecord> records;

    private CustomerReviewMatch(MatchSettings settings, List<CustomerRecord> records, int[] seeds) {
        this.settings = settings;
        this.records = records;
        this.keys = records.stream().map(CustomerRecord::recordKey).toList();
        this.columns = CustomerMatchFields.columns(records);
        this.seeds = seeds;
        this.indexOfKey = new HashMap<>();
        for (int i = 0; i < keys.size(); i++) {
            indexOfKey.put(keys.get(i), i);
        }
    }

    /** Reads the records and previous ids the night matched; {@code settings} name the overrides file. */
    public static CustomerReviewMatch read(Connection conn, MatchSettings settings) throws SQLException {
        List<CustomerRecord> records = CustomerRecordStore.readAll(conn);
        List<String> keys = records.stream().map(CustomerRecord::recordKey).toList();
        int[] seeds = CustomerMatcher.seeds(keys, CustomerMatchStore.previousIds(conn));
        return new CustomerReviewMatch(settings, records, seeds);
    }

    public int records() {
        return keys.size();
    }

    public Path overridesFile() {
        return settings.overridesFile();
    }

    @Override
    public AdHocMatchResult match() throws IOException {
        AppliedOverrides overrides =
                AppliedOverrides.resolve(OverridesReader.read(settings.overridesFile()), indexOfKey);
        ClusterConstraints constraints = CustomerMatcher.constraints(overrides, seeds, records, settings);
        EngineSettings engine =
                EngineSettings.defaults().withThresholds(settings.matchThreshold(), settings.reviewThreshold());
        List<MatchField> fields = CustomerMatchFields.fields();
        MatchResult result = new MatchEngine(engine).run(fields, columns, constraints);
        return new AdHocMatchResult(keys, fields, columns, result, engine, constraints);
    }
}
