package io.salesbi.sql;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * The table checksums of one folder run ({@link ScriptFingerprint}). The folder's scripts run alone, one after the
 * other, in one transaction, so a table changes only when a script that writes it runs: its checksum is kept until
 * then ({@link #written}) and taken once more only when asked for again.
 */
final class TableChecksums {

    private final boolean keeps;
    private final Map<String, String> kept = new HashMap<>();

    private TableChecksums(boolean keeps) {
        this.keeps = keeps;
    }

    /** Keeps each checksum until a script that writes the table has run. */
    static TableChecksums forFolder() {
        return new TableChecksums(true);
    }

    /** Keeps nothing: every checksum is taken when asked for. */
    static TableChecksums none() {
        return new TableChecksums(false);
    }

    /** A script that writes these tables ran ({@link ScriptFingerprint#writtenTables}): their checksums are gone. */
    void written(Set<String> tables) {
        kept.keySet().removeAll(tables);
    }

    /** The table's part of a fingerprint, "name=rows:sum of row hashes". */
    String of(Connection conn, String table) throws SQLException {
        if (!keeps) {
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
