package io.salesbi.pipeline.ingest;

import io.salesbi.connectors.mapping.MappingException;
import io.salesbi.connectors.mapping.SourceMapping;
import io.salesbi.connectors.read.FileRejectedException;
import io.salesbi.connectors.read.ReadSummary;
import io.salesbi.connectors.read.RowRejection;
import io.salesbi.connectors.read.RowSink;
import io.salesbi.connectors.read.SourceFileReader;
import io.salesbi.pipeline.ingest.FileLoadResult.Status;
import io.salesbi.pipeline.privacy.Suppression;
import io.salesbi.pipeline.warehouse.Warehouse;
import io.salesbi.sql.PersonalDataCatalogue;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Loads one delivered file into its raw table: once (fingerprinted by sha-256, so a file already loaded is
 * skipped also under a new name), completely or not at all (one transaction per file: rows, quarantined rows
 * and the load record commit together). Files are loaded one at a time: DuckDB has a single writer process and
 * load ids follow load order.
 */
public final class FileIngestor {

    private static final Logger log = LoggerFactory.getLogger(FileIngestor.class);

    /** The reason code of a file that changed while it was loaded: nothing of it is kept, it waits in the inbox. */
    public static final String FILE_CHANGED = "file_changed";

    private final Warehouse warehouse;
    private final long runId;
    private final ReentrantLock writeLock = new ReentrantLock();
    private Consumer<Path> readFinished = file -> {};
    private Suppression suppression;
    private PersonalDataCatalogue catalogue;

    public FileIngestor(Warehouse warehouse, long runId) {
        this.warehouse = warehouse;
        this.runId = runId;
    }

    /** Loads {@code file} with {@code mapping}; never throws for a bad file, it reports FAILED instead. */
    public FileLoadResult ingest(Path file, SourceMapping mapping) throws IOException, SQLException {
        writeLock.lock();
        try {
            return ingestLocked(file, mapping);
        } finally {
            writeLock.unlock();
        }
    }

    /**
     * Records a mapping file that cannot be used, with every problem in it, so that the night's history, its verdict
     * (a night with a broken mapping ends with warnings) and the alert name it; its source's files wait in the inbox.
     */
    public FileLoadResult recordBrokenMapping(MappingException broken) throws IOException, SQLException {
        writeLock.lock();
        try (Connection conn = warehouse.connect()) {
            long loadId = nextLoadId(conn);
            Path file = Path.of(broken.origin());
            String message =
                    "The mapping file cannot be used; its source's files wait in the inbox until it is fixed:\n"
                            + String.join("\n", broken.problems());
            FileLoadResult r = new FileLoadResult(
                    loadId,
                    "mapping",
                    file.getFileName().toString(),
                    Files.isRegularFile(file) ? sha256(file) : "-",
                    Status.FAILED,
                    0,
                    0,
                    0,
                    "mapping_invalid",
                    message);
            insertLoad(conn, r, Files.isRegularFile(file) ? Files.size(file) : 0, LocalDateTime.now(), null);
            broken.problems().forEach(p -> log.error("{}", p));
            return r;
        } finally {
            writeLock.unlock();
        }
    }

    /** Called once a file has been read, before it is re-checked; tests change the file here, as a late writer. */
    void onReadFinished(Consumer<Path> hook) {
        this.readFinished = hook;
    }

    /** Records a file that no mapping takes, so that it shows in the run history and data quality page. */
    public FileLoadResult recordUnmapped(Path file, String source, String message) throws IOException, SQLException {
        writeLock.lock();
        try (Connection conn = warehouse.connect()) {
            long loadId = nextLoadId(conn);
            FileLoadResult r = new FileLoadResult(
                    loadId,
                    source,
                    file.getFileName().toString(),
                    sha256(file),
                    Status.FAILED,
                    0,
                    0,
                    0,
                    "no_mapping",
                    message);
            insertLoad(conn, r, Files.size(file), LocalDateTime.now(), null);
            return r;
        } finally {
            writeLock.unlock();
        }
    }

    private FileLoadResult ingestLocked(Path file, SourceMapping mapping) throws IOException, SQLException {
        String name = file.getFileName().toString();
        String hash = sha256(file);
        long size = Files.size(file);
        LocalDateTime started = LocalDateTime.now();
        try (Connection conn = warehouse.connect()) {
            FileLoadResult resumed = loadedEarlierThisNight(conn, hash, mapping.name(), name);
            if (resumed != null) {
                log.info(
                        "{} was taken earlier this night (load {}, {}) before the run was interrupted; moving it on",
                        name,
                        resumed.loadId(),
                        resumed.status());
                return resumed;
            }
            long loadId = nextLoadId(conn);
            String earlier = alreadyLoaded(conn, hash, mapping.name());
            if (earlier != null) {
                FileLoadResult r = new FileLoadResult(
                        loadId,
                        mapping.name(),
                        name,
                        hash,
                        Status.DUPLICATE,
                        0,
                        0,
                        0,
                        "duplicate",
                        "Skipped: the same content (sha-256 " + hash.substring(0, 12)
                                + "…) was already loaded with mapping " + mapping.name() + " as " + earlier);
                insertLoad(conn, r, size, started, mapping);
                log.info("{}: {}", name, r.message());
                return r;
            }
            conn.setAutoCommit(false);
            try {
                FileLoadResult r = loadInTransaction(conn, file, mapping, loadId, hash);
                if (changedSince(file, hash, size)) {
                    conn.rollback();
                    conn.setAutoCommit(true);
                    return recordChanged(conn, file, mapping, loadId, hash, size, started);
                }
                insertLoad(conn, r, size, started, mapping);
                conn.commit();
                log.info(
                        "{} -> {}: {} rows delivered, {} loaded, {} quarantined, {} filtered, {} suppressed",
                        name,
                        mapping.target(),
                        r.rowsDelivered(),
                        r.rowsLoaded(),
                        r.rowsRejected(),
                        r.rowsFiltered(),
                        r.rowsSuppressed());
                return r;
            } catch (FileRejectedException e) {
                conn.rollback();
                conn.setAutoCommit(true);
                if (changedSince(file, hash, size)) {
                    return recordChanged(conn, file, mapping, loadId, hash, size, started);
                }
                FileLoadResult r = new FileLoadResult(
                        loadId, mapping.name(), name, hash, Status.FAILED, 0, 0, 0, e.reasonCode(), e.getMessage());
                insertLoad(conn, r, size, started, mapping);
                log.error("{} rejected ({}): {}", name, e.reasonCode(), e.getMessage());
                return r;
            } catch (RuntimeException | SQLException e) {
                conn.rollback();
                conn.setAutoCommit(true);
                if (changedSince(file, hash, size)) {
                    return recordChanged(conn, file, mapping, loadId, hash, size, started);
                }
                FileLoadResult r = new FileLoadResult(
                        loadId,
                        mapping.name(),
                        name,
                        hash,
                        Status.FAILED,
                        0,
                        0,
                        0,
                        "unreadable",
                        "The file could not be read: " + e.getMessage());
                insertLoad(conn, r, size, started, mapping);
                log.error("{} could not be loaded: {}", name, e.getMessage(), e);
                return r;
            }
        }
    }

    /**
     * Whether the file is no longer the one hashed before it was read: then the bytes read may not be the bytes
     * hashed, and the load is not kept. The same hash before and after the read is what makes the recorded hash the
     * hash of the bytes loaded.
     */
    private boolean changedSince(Path file, String hash, long size) throws IOException {
        readFinished.accept(file);
        return !Files.isRegularFile(file)
                || Files.size(file) != size
                || !sha256(file).equals(hash);
    }

    private FileLoadResult recordChanged(
            Connection conn,
            Path file,
            SourceMapping mapping,
            long loadId,
            String hash,
            long size,
            LocalDateTime started)
            throws SQLException, IOException {
        String name = file.getFileName().toString();
        String now = Files.isRegularFile(file) ? Files.size(file) + " bytes" : "gone";
        FileLoadResult r = new FileLoadResult(
                loadId,
                mapping.name(),
                name,
                hash,
                Status.FAILED,
                0,
                0,
                0,
                FILE_CHANGED,
                "File " + name + " changed while it was loaded (" + size + " bytes when taken, now " + now
                        + "), so nothing of it was kept; it stays in the inbox and the next night loads it as it is then");
        insertLoad(conn, r, size, started, mapping);
        log.warn("{}: {}", name, r.message());
        return r;
    }

    private FileLoadResult loadInTransaction(
            Connection conn, Path file, SourceMapping mapping, long loadId, String hash)
            throws FileRejectedException, SQLException {
        String name = file.getFileName().toString();
        ComputedFieldsLoad computed =
                mapping.computedInSql() ? new ComputedFieldsLoad(conn, mapping, loadId, name) : null;
        String table = computed == null ? mapping.target() : computed.createLanding();
        ReadSummary summary;
        List<RowRejection> rejections;
        Suppression listed = suppression(conn);
        SuppressingSink suppressing = null;
        try (PipelinedSink<RawTableSink> pipeline = appendingSink(conn, file, mapping, table, loadId, hash)) {
            RowSink sink = pipeline;
            if (!listed.isEmpty()) {
                suppressing = new SuppressingSink(
                        pipeline, listed, listed.forTarget(catalogue, mapping.target(), mapping.fieldNames()));
                sink = suppressing;
            }
            summary = SourceFileReader.forFile(file, mapping).read(file, mapping, sink);
            rejections = pipeline.finish().rejections();
        }
        long suppressed = 0;
        long suppressedAccepted = 0;
        if (suppressing != null) {
            rejections = suppressing.keep(rejections);
            suppressed = suppressing.suppressedRows();
            suppressedAccepted = suppressing.suppressedAccepted();
        }
        long loaded = summary.rowsAccepted() - suppressedAccepted;
        long rejected = summary.rowsRejected() - (suppressed - suppressedAccepted);
        long filtered = 0;
        if (computed != null) {
            ComputedFieldsLoad.Outcome outcome = computed.finish(rejections, summary.rowsDelivered() - suppressed);
            loaded = outcome.loaded();
            rejected = outcome.rejectedRows();
            filtered = outcome.filtered();
            rejections = outcome.rejections();
        }
        quarantine(conn, mapping.name(), loadId, rejections);
        String warnings = String.join("; ", summary.warnings());
        if (!summary.unknownColumns().isEmpty()) {
            warnings = (warnings.isEmpty() ? "" : warnings + "; ") + "unknown columns " + summary.unknownColumns();
        }
        return new FileLoadResult(
                loadId,
                mapping.name(),
                name,
                hash,
                Status.LOADED,
                summary.rowsDelivered(),
                loaded,
                rejected,
                null,
                warnings.isEmpty() ? null : warnings,
                filtered,
                suppressed);
    }

    /** The suppression list of this night (read at its first use). */
    Suppression suppressionList() throws IOException {
        try (Connection conn = warehouse.connect()) {
            return suppression(conn);
        } catch (SQLException e) {
            throw new IOException("The suppression list cannot be read: " + e.getMessage(), e);
        }
    }

    /** The suppression list, read at the night's first file (an erasure runs only while no night does). */
    private Suppression suppression(Connection conn) throws SQLException {
        if (suppression == null) {
            try {
                suppression = Suppression.load(conn, warehouse.file());
            } catch (IOException e) {
                throw new SQLException(e.getMessage(), e);
            }
            catalogue = suppression.isEmpty() ? null : PersonalDataCatalogue.warehouse();
        }
        return suppression;
    }

    /** The file's raw table sink, fed on a thread of its own while this thread parses the file. */
    private static PipelinedSink<RawTableSink> appendingSink(
            Connection conn, Path file, SourceMapping mapping, String table, long loadId, String hash)
            throws SQLException {
        String name = file.getFileName().toString();
        try {
            return new PipelinedSink<>(
                    () -> new RawTableSink(conn, mapping, table, loadId, name, hash)
                            .withProgress(LoadProgress.of(file)),
                    name);
        } catch (SQLException | RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new SQLException("Cannot prepare the raw table for " + name + ": " + e.getMessage(), e);
        }
    }

    private void quarantine(Connection conn, String source, long loadId, List<RowRejection> rejections)
            throws SQLException {
        if (rejections.isEmpty()) {
            return;
        }
        try (DuckDBAppender a = conn.unwrap(DuckDBConnection.class).createAppender("quarantine", "rejected_row")) {
            for (RowRejection r : rejections) {
                a.beginRow();
                a.append(loadId);
                a.append(runId);
                a.append("ingest");
                a.append(source);
                a.append(r.file());
                a.append(r.sheet());
                a.append(r.row());
                a.append(r.column());
                a.append(r.rawValue());
                a.append(r.rule());
                a.append(r.message());
                a.endRow();
            }
        }
    }

    /**
     * What this night already made of this very file, when the night was killed after the file's load was recorded
     * but before the file was moved on: the file is then moved as recorded, so a resumed night numbers and records
     * its files exactly as an uninterrupted one.
     */
    private FileLoadResult loadedEarlierThisNight(Connection conn, String hash, String source, String name)
            throws SQLException {
        try (PreparedStatement ps = conn.prepareStatement("""
                select load_id, rows_delivered, rows_loaded, rows_rejected, status, reason_code, message
                from ops.file_load where file_hash = ? and file_name = ? and run_id = ? and source = ?
                order by load_id desc limit 1""")) {
            ps.setString(1, hash);
            ps.setString(2, name);
            ps.setLong(3, runId);
            ps.setString(4, source);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next()
                        ? new FileLoadResult(
                                rs.getLong(1),
                                source,
                                name,
                                hash,
                                Status.valueOf(rs.getString(5)),
                                rs.getLong(2),
                                rs.getLong(3),
                                rs.getLong(4),
                                rs.getString(6),
                                rs.getString(7))
                        : null;
            }
        }
    }

    /** The earlier load of the same content with the same mapping: the fingerprint is per mapping and file. */
    private static String alreadyLoaded(Connection conn, String hash, String source) throws SQLException {
        try (PreparedStatement ps = conn.prepareStatement("select file_name, finished_at from ops.file_load"
                + " where file_hash = ? and source = ? and status = 'LOADED' order by load_id limit 1")) {
            ps.setString(1, hash);
            ps.setString(2, source);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next()
                        ? rs.getString(1) + " on "
                                + rs.getTimestamp(2).toLocalDateTime().toLocalDate()
                        : null;
            }
        }
    }

    /**
     * The next load id: one more than the last recorded load. Taken under the write lock and, for a loaded file,
     * recorded in the file's own transaction, so a load killed half-way leaves no gap and the redone night numbers
     * its files exactly as an uninterrupted one.
     */
    private static long nextLoadId(Connection conn) throws SQLException {
        try (Statement st = conn.createStatement();
                ResultSet rs = st.executeQuery("select coalesce(max(load_id), 0) + 1 from ops.file_load")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** Records the load; {@code mapping} gives the target table and max-reject-ratio, null for an unmapped file. */
    private void insertLoad(Connection conn, FileLoadResult r, long size, LocalDateTime started, SourceMapping mapping)
            throws SQLException {
        try (PreparedStatement ps = conn.prepareStatement("""
                insert into ops.file_load (load_id, run_id, source, file_name, file_hash, file_size, status,
                    rows_delivered, rows_loaded, rows_rejected, reason_code, message, started_at, finished_at,
                    rows_filtered, target, max_reject_ratio, rows_suppressed)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")) {
            ps.setLong(1, r.loadId());
            ps.setLong(2, runId);
            ps.setString(3, r.source());
            ps.setString(4, r.fileName());
            ps.setString(5, r.fileHash());
            ps.setLong(6, size);
            ps.setString(7, r.status().name());
            ps.setLong(8, r.rowsDelivered());
            ps.setLong(9, r.rowsLoaded());
            ps.setLong(10, r.rowsRejected());
            ps.setString(11, r.reasonCode());
            ps.setString(12, r.message());
            ps.setTimestamp(13, Timestamp.valueOf(started));
            ps.setTimestamp(14, Timestamp.valueOf(LocalDateTime.now()));
            ps.setLong(15, r.rowsFiltered());
            ps.setString(16, mapping == null ? null : mapping.target());
            if (mapping == null) {
                ps.setNull(17, java.sql.Types.DOUBLE);
            } else {
                ps.setDouble(17, mapping.maxRejectRatio());
            }
            ps.setLong(18, r.rowsSuppressed());
            ps.executeUpdate();
        }
    }

    /** The file's sha-256 as lower-case hex: its fingerprint in {@code ops.file_load}. */
    public static String sha256(Path file) throws IOException {
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
        byte[] buffer = new byte[1 << 16];
        try (InputStream in = Files.newInputStream(file)) {
            for (int n; (n = in.read(buffer)) > 0; ) {
                digest.update(buffer, 0, n);
            }
        }
        return HexFormat.of().formatHex(digest.digest());
    }
}
