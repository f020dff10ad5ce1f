package io.salesbi.match.adhoc;

import io.salesbi.match.engine.EngineSettings;
import io.salesbi.match.engine.MatchEngine;
import io.salesbi.match.engine.MatchField;
import io.salesbi.match.engine.MatchResult;
import io.salesbi.match.steward.AppliedOverrides;
import io.salesbi.match.steward.OverridesReader;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Matches any list: reads the file, takes the id and typed field columns, runs the engine. */
public final class AdHocMatch {

    private static final Logger LOG = LoggerFactory.getLogger(AdHocMatch.class);

    /** A column named on the command line that the file does not have. */
    public static final class UnknownColumnException extends IllegalArgumentException {
        UnknownColumnException(String message) {
            super(message);
        }
    }

    private final EngineSettings settings;

    public AdHocMatch(EngineSettings settings) {
        this.settings = settings;
    }

    public AdHocMatchResult run(Path input, String idColumn, List<MatchField> fields, Path overridesFile)
            throws IOException {
        InputTable table = InputTableReader.read(input);
        int id = requireColumn(table, idColumn);
        String[][] columns = new String[fields.size()][];
        for (int f = 0; f < fields.size(); f++) {
            columns[f] = table.values(requireColumn(table, fields.get(f).name()));
        }
        List<String> ids = List.of(table.values(id));
        Map<String, Integer> indexOfId = new HashMap<>();
        for (int i = 0; i < ids.size(); i++) {
            if (indexOfId.putIfAbsent(ids.get(i), i) != null) {
                LOG.warn(
                        "{}: id '{}' occurs more than once (rows {} and {}); overrides use the first",
                        input,
                        ids.get(i),
                        indexOfId.get(ids.get(i)) + 2,
                        i + 2);
            }
        }
        AppliedOverrides overrides = AppliedOverrides.resolve(OverridesReader.read(overridesFile), indexOfId);
        MatchResult result = new MatchEngine(settings).run(fields, columns, overrides.constraints(null));
        return new AdHocMatchResult(ids, fields, columns, result, settings, overrides.constraints(null));
    }

    private static int requireColumn(InputTable table, String name) {
        int column = table.column(name);
        if (column < 0) {
            throw new UnknownColumnException(table.source() + ": no column '" + name + "' in header " + table.header());
        }
        return column;
    }
}
