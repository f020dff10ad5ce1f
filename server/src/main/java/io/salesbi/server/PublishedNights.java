package io.salesbi.server;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.function.Supplier;
import javax.sql.DataSource;

/**
 * Which nights the warehouse has published so far, as a short stamp that changes whenever the nightly job publishes
 * (or re-publishes) a night in {@code ops.publish}. Sessions compare it before each statement and drop what they
 * cached about the warehouse (plans, table lists) when it changed. A warehouse without a publish log (a test or a
 * freshly created file) has the constant stamp {@value #NONE}.
 */
final class PublishedNights implements Supplier<String> {

    static final String NONE = "none";
    private static final String STAMP_SQL =
            "select count(*) || '@' || coalesce(cast(max(published_at) as varchar), '') from ops.publish";

    private final DataSource warehouse;

    PublishedNights(DataSource warehouse) {
        this.warehouse = warehouse;
    }

    @Override
    public String get() {
        try (Connection connection = warehouse.getConnection();
                Statement statement = connection.createStatement();
                ResultSet stamp = statement.executeQuery(STAMP_SQL)) {
            return stamp.next() ? stamp.getString(1) : NONE;
        } catch (SQLException noPublishLog) {
            return NONE;
        }
    }
}
