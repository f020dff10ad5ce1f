package io.salesbi.server;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The endpoint's audit trail: every login attempt (time, user name, address, outcome) and every query (its SQL
 * text's SHA-256, rows returned, duration, outcome). Each event goes to the log {@value #LOGGER} at once and, in
 * batches written by a thread of its own every {@value #FLUSH_MILLIS} ms, to the warehouse table {@code ops.audit}
 * (migration V63), where {@code salesbi audit} and stewards over JDBC read it. A warehouse without that table (a test
 * warehouse) keeps the trail in the log only.
 *
 * <p>Throttled and locked logins go to the log at DEBUG only: a flood of them would drown it, and ops.audit has each one.
 *
 * <p>Events wait in a queue of {@value #QUEUE} places: a flood of logins can neither grow the heap nor hold a request
 * thread on DuckDB; what does not fit is counted, logged and left out of the table (never out of the log).
 */
final class AuditLog implements AutoCloseable {

    static final String LOGGER = "io.salesbi.server.audit";
    static final int QUEUE = 20_000;
    static final long FLUSH_MILLIS = 500;
    /** Longest user name kept: a client may send anything as its user name. */
    static final int MAX_LOGIN = 128;

    private static final int BATCH = 1_000;
    private static final String INSERT = "insert into ops.audit (logged_at, event, login, client_address, outcome, "
            + "sql_sha256, rows_returned, duration_ms, detail) values (?, ?, ?, ?, ?, ?, ?, ?, ?)";

    private static final Logger LOG = LoggerFactory.getLogger(LOGGER);

    /** One row of {@code ops.audit}. */
    record Event(
            Instant at,
            String event,
            String login,
            String address,
            String outcome,
            String sqlSha256,
            Long rows,
            Long durationMillis,
            String detail) {}

    private final Supplier<Connection> warehouse;
    private final Clock clock;
    private final BlockingQueue<Event> queue = new ArrayBlockingQueue<>(QUEUE);
    private final AtomicLong dropped = new AtomicLong();
    private final AtomicLong written = new AtomicLong();
    /** Events taken into the queue, and events the writer finished with (written or failed): flush waits for both. */
    private final AtomicLong queued = new AtomicLong();

    private final AtomicLong processed = new AtomicLong();
    private final Thread writer;
    private volatile boolean closed;

    private AuditLog(Supplier<Connection> warehouse, Clock clock, boolean toTable) {
        this.warehouse = warehouse;
        this.clock = clock;
        if (toTable) {
            writer = new Thread(this::writeLoop, "salesbi-audit");
            writer.setDaemon(true);
            writer.start();
        } else {
            writer = null;
        }
    }

    /**
     * The audit trail of the warehouse behind {@code warehouse} (a new connection per call, closed after use): in
     * {@code ops.audit} when the warehouse has it, in the log only when not.
     */
    static AuditLog open(Supplier<Connection> warehouse, Clock clock) {
        boolean table = hasAuditTable(warehouse);
        if (!table) {
            LOG.warn(
                    "the warehouse has no ops.audit table (migration V63): the audit trail is kept in the log {} only",
                    LOGGER);
        }
        return new AuditLog(warehouse, clock, table);
    }

    private static boolean hasAuditTable(Supplier<Connection> warehouse) {
        try (Connection connection = warehouse.get();
                PreparedStatement query = connection.prepareStatement(
                        "select count(*) from information_schema.tables "
                                + "where table_catalog = current_database() and table_schema = 'ops' and table_name = 'audit'");
                ResultSet rows = query.executeQuery()) {
            return rows.next() && rows.getLong(1) > 0;
        } catch (SQLException | RuntimeException e) {
            LOG.warn("cannot look for ops.audit: {}", e.getMessage());
            return false;
        }
    }

    /** An audit trail in the log only (tests of parts that need one). */
    static AuditLog logOnly() {
        return new AuditLog(
                () -> {
                    throw new IllegalStateException("a log-only audit trail has no warehouse");
                },
                Clock.systemUTC(),
                false);
    }

    /** A login attempt: {@code outcome} ok, failed, throttled or locked. */
    void login(String login, String address, String outcome, String detail) {
        String name = shortened(login);
        String text = "login user=\"" + name + "\" address=" + address + " outcome=" + outcome
                + (detail == null ? "" : " detail=\"" + detail + "\"");
        if ("throttled".equals(outcome) || "locked".equals(outcome)) {
            // A flood's refused attempts would drown the log (they cost the server nothing else): in ops.audit.
            LOG.debug(text);
        } else {
            LOG.info(text);
        }
        add(new Event(clock.instant(), "login", name, address, outcome, null, null, null, detail));
    }

    /**
     * A query: {@code outcome} ok, error, refused, cancelled, timeout or closed; {@code rows} returned to the client so
     * far.
     */
    void query(
            String login, String address, String sql, long rows, long durationMillis, String outcome, String detail) {
        String hash = sha256(sql);
        LOG.info(
                "query user=\"{}\" address={} sql_sha256={} rows={} ms={} outcome={}{}",
                login,
                address,
                hash,
                rows,
                durationMillis,
                outcome,
                detail == null ? "" : " detail=\"" + detail + "\"");
        add(new Event(
                clock.instant(), "query", shortened(login), address, outcome, hash, rows, durationMillis, detail));
    }

    private void add(Event event) {
        if (writer == null || closed) {
            return;
        }
        if (queue.offer(event)) {
            queued.incrementAndGet();
        } else {
            long lost = dropped.incrementAndGet();
            if (lost == 1 || lost % 1_000 == 0) {
                LOG.warn(
                        "audit queue full ({} events): {} events so far are in the log only, not in ops.audit",
                        QUEUE,
                        lost);
            }
        }
    }

    /** Hex SHA-256 of the SQL text as UTF-8: equal texts, equal hashes, so a steward can count repeats. */
    static String sha256(String sql) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256")
                            .digest((sql == null ? "" : sql).getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available in this JDK", e);
        }
    }

    private static String shortened(String login) {
        // A client may send anything as its user name: no line breaks or other control characters in the log.
        String name = login == null ? "" : login.replaceAll("\\p{Cntrl}", "?");
        return name.length() <= MAX_LOGIN ? name : name.substring(0, MAX_LOGIN);
    }

    /** Events written to ops.audit so far. */
    long written() {
        return written.get();
    }

    /**
     * Writes what is queued now, and waits (at most 5 s) for the batch the writer thread may have taken from the queue
     * just before, so that every event added before the call is in ops.audit when it returns (tests and close).
     */
    void flush() {
        long target = queued.get();
        synchronized (this) {
            List<Event> batch = new ArrayList<>();
            while (queue.drainTo(batch, BATCH) > 0) {
                write(batch);
                batch.clear();
            }
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (processed.get() < target && System.nanoTime() < deadline) {
            try {
                Thread.sleep(2);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private void writeLoop() {
        while (!closed) {
            try {
                Event first = queue.poll(FLUSH_MILLIS, TimeUnit.MILLISECONDS);
                if (first != null) {
                    List<Event> batch = new ArrayList<>();
                    batch.add(first);
                    synchronized (this) {
                        queue.drainTo(batch, BATCH - 1);
                        write(batch);
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                LOG.warn("audit writer: {}", e.getMessage(), e);
            }
        }
    }

    private void write(List<Event> batch) {
        try (Connection connection = warehouse.get();
                PreparedStatement insert = connection.prepareStatement(INSERT)) {
            for (Event event : batch) {
                insert.setTimestamp(1, Timestamp.valueOf(LocalDateTime.ofInstant(event.at(), ZoneOffset.UTC)));
                insert.setString(2, event.event());
                insert.setString(3, event.login());
                insert.setString(4, event.address());
                insert.setString(5, event.outcome());
                insert.setString(6, event.sqlSha256());
                setLong(insert, 7, event.rows());
                setLong(insert, 8, event.durationMillis());
                insert.setString(9, event.detail());
                insert.addBatch();
            }
            insert.executeBatch();
            written.addAndGet(batch.size());
            processed.addAndGet(batch.size());
        } catch (SQLException | RuntimeException e) {
            dropped.addAndGet(batch.size());
            processed.addAndGet(batch.size());
            LOG.warn(
                    "cannot write {} audit events to ops.audit (they are in the log): {}",
                    batch.size(),
                    e.getMessage());
        }
    }

    private static void setLong(PreparedStatement statement, int index, Long value) throws SQLException {
        if (value == null) {
            statement.setNull(index, Types.BIGINT);
        } else {
            statement.setLong(index, value);
        }
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (writer != null) {
            writer.interrupt();
            try {
                writer.join(5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            flush();
        }
    }
}
