package io.salesbi.pipeline.job;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The reference vocabularies (channels, regions, segments, product groups, currencies, opportunity stages) as data: one CSV file each in
 * the installation's {@code reference/} folder, written with the bundled defaults (the demo's values) when missing,
 * extended by the steward, and loaded set-based by DuckDB's {@code read_csv} at the start of every validation, so
 * that the rules quarantine an unknown value naming the known ones.
 */
public final class ReferenceVocabularies {

    private static final Logger log = LoggerFactory.getLogger(ReferenceVocabularies.class);

    /** The vocabularies: file, table, and the file's columns with their types (the table's columns, in order). */
    static final List<Vocabulary> ALL = List.of(
            new Vocabulary(
                    "channels.csv",
                    "core.dim_channel",
                    "channel_code",
                    "{'channel_code': 'VARCHAR', "
                            + "'name_de': 'VARCHAR', 'name_en': 'VARCHAR', 'erp_spelling': 'VARCHAR', 'sort_order': 'INTEGER'}"),
            new Vocabulary(
                    "regions.csv",
                    "ref.region",
                    "region",
                    "{'region': 'VARCHAR', 'name_en': 'VARCHAR', "
                            + "'is_export': 'BOOLEAN', 'sort_order': 'INTEGER'}"),
            new Vocabulary(
                    "segments.csv",
                    "ref.segment",
                    "industry",
                    "{'industry': 'VARCHAR', 'name_en': 'VARCHAR', " + "'sort_order': 'INTEGER'}"),
            new Vocabulary(
                    "product_groups.csv",
                    "ref.product_group",
                    "product_group",
                    "{'product_group': 'VARCHAR', " + "'name_en': 'VARCHAR', 'sort_order': 'INTEGER'}"),
            new Vocabulary(
                    "currencies.csv",
                    "ref.currency",
                    "currency",
                    "{'currency': 'VARCHAR', 'name_de': 'VARCHAR', " + "'name_en': 'VARCHAR'}"),
            new Vocabulary(
                    "opportunity_stages.csv",
                    "ref.opportunity_stage",
                    "stage",
                    "{'stage': 'VARCHAR', "
                            + "'name_de': 'VARCHAR', 'name_en': 'VARCHAR', 'sort_order': 'INTEGER', 'probability': 'DOUBLE', "
                            + "'status': 'VARCHAR', 'journey_phase': 'VARCHAR'}"));

    private ReferenceVocabularies() {}

    /** Writes the missing files of {@code folder} from the bundled defaults, then reloads every vocabulary table. */
    public static void load(Connection conn, Path folder) throws SQLException {
        for (Vocabulary v : ALL) {
            Path file = folder.resolve(v.file());
            writeDefaultIfMissing(v, file);
            try (Statement st = conn.createStatement()) {
                st.execute("delete from " + v.table());
                st.execute("insert into " + v.table() + " select * from read_csv('" + sqlPath(file)
                        + "', header = true, auto_detect = false, delim = ',', quote = '\"', encoding = 'utf-8',"
                        + " columns = " + v.columns() + ") where nullif(trim(" + v.key() + "), '') is not null");
            } catch (SQLException e) {
                throw new SQLException(
                        "Reference file " + file + " cannot be loaded into " + v.table()
                                + " (expected a UTF-8 CSV with the header " + header(v)
                                + ", one row per value, no value twice): "
                                + firstLine(e.getMessage()),
                        e);
            }
        }
    }

    private static void writeDefaultIfMissing(Vocabulary v, Path file) {
        if (Files.isRegularFile(file)) {
            return;
        }
        try (InputStream in =
                ReferenceVocabularies.class.getClassLoader().getResourceAsStream("reference/" + v.file())) {
            if (in == null) {
                throw new IllegalStateException("Bundled reference file reference/" + v.file() + " is missing");
            }
            Files.createDirectories(file.getParent());
            Files.copy(in, file);
            log.info("Reference file {} written with the bundled defaults; extend it to add values", file);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the reference file " + file, e);
        }
    }

    private static String header(Vocabulary v) {
        return v.columns().replaceAll("'([a-z_]+)': '[A-Z]+'", "$1").replaceAll("[{} ]", "");
    }

    private static String sqlPath(Path file) {
        return file.toAbsolutePath().toString().replace("'", "''");
    }

    private static String firstLine(String message) {
        int nl = message == null ? -1 : message.indexOf('\n');
        return nl < 0 ? String.valueOf(message) : message.substring(0, nl);
    }

    record Vocabulary(String file, String table, String key, String columns) {}
}
