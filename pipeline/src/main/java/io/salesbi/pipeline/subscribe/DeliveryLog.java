package io.salesbi.pipeline.subscribe;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code ops.subscription_delivery}: what was mailed to whom for which night (by login, never by address), so that a
 * restart does not mail a night twice and a failed mail is tried again only a bounded number of times.
 */
final class DeliveryLog {

    /** How a subscription's mail of one night stands. */
    enum Status {
        SENT,
        RETRYING,
        FAILED,
        SKIPPED;

        String column() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }

        /** Whether nothing more is done for the night: sent, given up or skipped. */
        boolean settled() {
            return this != RETRYING;
        }
    }

    /** One row; times in UTC. */
    record Delivery(
            long runId,
            String login,
            Status status,
            String delivery,
            Integer pages,
            Long bytes,
            int attempts,
            Instant firstAttemptAt,
            Instant lastAttemptAt,
            Instant sentAt,
            String detail) {}

    private DeliveryLog() {}

    /** The deliveries of night {@code runId}, by login. */
    static Map<String, Delivery> of(Connection conn, long runId) throws SQLException {
        Map<String, Delivery> byLogin = new LinkedHashMap<>();
        try (PreparedStatement ps = conn.prepareStatement(
                "select run_id, login, status, delivery, pages, bytes, attempts, first_attempt_at, last_attempt_at, "
                        + "sent_at, detail from ops.subscription_delivery where run_id = ? order by login")) {
            ps.setLong(1, runId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    byLogin.put(
                            rs.getString(2),
                            new Delivery(
                                    rs.getLong(1),
                                    rs.getString(2),
                                    Status.valueOf(rs.getString(3).toUpperCase(java.util.Locale.ROOT)),
                                    rs.getString(4),
                                    (Integer) rs.getObject(5),
                                    (Long) rs.getObject(6),
                                    rs.getInt(7),
                                    instant(rs.getTimestamp(8)),
                                    instant(rs.getTimestamp(9)),
                                    instant(rs.getTimestamp(10)),
                                    rs.getString(11)));
                }
            }
        }
        return byLogin;
    }

    static void record(Connection conn, Delivery d) throws SQLException {
        try (PreparedStatement ps =
                conn.prepareStatement("insert or replace into ops.subscription_delivery (run_id, login, status, "
                        + "delivery, pages, bytes, attempts, first_attempt_at, last_attempt_at, sent_at, detail) "
                        + "values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            ps.setLong(1, d.runId());
            ps.setString(2, d.login());
            ps.setString(3, d.status().column());
            ps.setString(4, d.delivery());
            ps.setObject(5, d.pages());
            ps.setObject(6, d.bytes());
            ps.setInt(7, d.attempts());
            ps.setTimestamp(8, timestamp(d.firstAttemptAt()));
            ps.setTimestamp(9, timestamp(d.lastAttemptAt()));
            ps.setTimestamp(10, timestamp(d.sentAt()));
            ps.setString(11, d.detail());
            ps.executeUpdate();
        }
    }

    private static Timestamp timestamp(Instant instant) {
        return instant == null ? null : Timestamp.valueOf(LocalDateTime.ofInstant(instant, ZoneOffset.UTC));
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toLocalDateTime().toInstant(ZoneOffset.UTC);
    }
}
