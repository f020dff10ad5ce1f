package io.salesbi.sql;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * The table checksums of one folder run ({@link ScriptFingerprint}): a table that no script of the folder writes
 * cannot change while the folder runs (it runs alone, in one transaction), so its checksum is taken once; every other
 * table's is taken each time it is asked for.
 */
final class TableChecksums {

    private final Set<String> writtenByTheFolder;
    private final Map<String, String> kept = new HashMap<>();

    private TableChecksums(Set<String> writtenByTheFolder) {
        this.writtenByTheFolder = writtenByTheFolder;
    }

    /** Keeps the checksums of the tables not in {@code writtenByTheFolder} for the rest of the folder run. */
    static TableChecksums forFolder(Set<String> writtenByTheFolder) {
        return new TableChecksums(Set.copyOf(writtenByTheFolder));
    }

    /** Keeps nothing: every checksum is taken when asked for. */
    static TableChecksums none() {
        return new TableChecksums(null);
    }

    /** The table's part of a fingerprint, "name=rows:sum of row hashes". */
    String of(Connection conn, String table) throws SQLException {
        if (writtenByTheFolder == null || writtenByTheFolder.contains(table)) {
            return ScriptFingerprint.tableChecksum(conn, table);
        }
        String checksum = kept.get(table);
        if (checksum == null) {
            checksum = ScriptFingerprint.tableChecksum(conn, table);
            kept.put(table, checksum);
        }
        return checksum;
    }

    /** How many checksums are kept (for tests). */
    int kept() {
        return kept.size();
    }
}
