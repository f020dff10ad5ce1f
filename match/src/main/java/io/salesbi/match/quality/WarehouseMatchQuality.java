package io.salesbi.match.quality;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;

/**
 * Measures the nightly matching against a ground truth such as the demo's truth/customer_truth.csv
 * (source_system, source_key, entity_id): compares core.customer_xref's customer ids with the true entities.
 */
public final class WarehouseMatchQuality {

    private WarehouseMatchQuality() {}

    public static MatchQuality of(Connection conn, Path truthFile, String entityColumn)
            throws SQLException, IOException {
        Map<String, String> truth = TruthFile.read(truthFile, "record_key", entityColumn);
        Map<String, String> predicted = new HashMap<>();
        try (Statement statement = conn.createStatement();
                ResultSet rs = statement.executeQuery(
                        "select source_system || ':' || source_key, customer_id from core.customer_xref")) {
            while (rs.next()) {
                predicted.put(rs.getString(1), rs.getString(2));
            }
        }
        return MatchQuality.of(predicted, truth);
    }
}
