package io.salesbi.sql;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Lets a night skip a script whose work is already done: a script whose header carries the line
 * starting {@value #MARKER} is run only when a table it names or a parameter it reads changed since its last run.
 *
 * <p>The fingerprint is a content checksum (row count and the sum of row hashes) of every {@code raw}, {@code staging},
 * {@code ref} (reference vocabularies),
 * {@code core} and {@code ops} table the script names, read or written, plus the values of the parameters it reads
 * ({@code ops.param('name')}, {@code ops.param_double('name')}) and the as-of date it works with
 * ({@code ops.as_of_date()}; or, for a script that declares {@value #AS_OF_MARKER} its date columns, how many of
 * their rows are dated after it); not {@code run_id}, which names the night. It is taken after the script ran and kept in {@code ops.script_state} (baseline migration), in the
 * step's transaction. Before the next run it is taken again: equal means inputs and outputs are exactly what the
 * last run left, so running it again would write the same rows. Quarantine rows are not part of it (every validation
 * script writes that shared table); they keep the run id of the night that wrote them.
 *
 * <p>Only scripts that are deterministic functions of what they name may carry the marker; the night's
 * {@code --full} (parameter {@code full_rebuild}) runs every script regardless.
 *
 * <p>Within one folder run a table's checksum is kept until a script that writes it ({@link #writtenTables}) has run
 * ({@link TableChecksums}): the validation folder reads {@code raw.erp_order_line} in three scripts, before and after
 * each, and at scale 100 (50 million rows) each checksum took 5 to 8 seconds.
 */
final class ScriptFingerprint {

    static final String MARKER = "-- Skipped when unchanged:";

    /**
     * A header line declaring that the script compares the as-of date only with the listed date columns
     * ({@code schema.table.column}, rows dated after it refused): the fingerprint then holds how many rows of each
     * are dated after the as-of date instead of the date itself. The table's checksum is part of the fingerprint too,
     * so an equal count means no row's date lies between the last run's as-of date and tonight's, and the script would
     * classify every row as it did; a night whose as-of date moves on a day then skips it.
     */
    static final String AS_OF_MARKER = "-- As-of date: compared only with";

    private static final Pattern TABLE =
            Pattern.compile("\\b(raw|staging|core|ops|ref)\\.([a-z_][a-z0-9_]*)\\b(?!\\s*\\()");
    private static final Pattern PARAMETER = Pattern.compile("\\bops\\.param(?:_double)?\\(\\s*'([a-z_]+)'\\s*\\)");
    private static final Pattern AS_OF_DATE = Pattern.compile("\\bops\\.as_of_date\\(\\s*\\)");
    private static final String COLUMN = "[a-z_]+\\.[a-z_][a-z0-9_]*\\.[a-z_][a-z0-9_]*";
    private static final Pattern AS_OF_COLUMNS = Pattern.compile(
            "(?m)^\\s*" + Pattern.quote(AS_OF_MARKER) + "\\s*(" + COLUMN + "(?:\\s*,\\s*" + COLUMN + ")*)");
    private static final Pattern LINE_COMMENT = Pattern.compile("--[^\\n]*");
    private static final Pattern WRITE = Pattern.compile(
            "\\b(?:insert\\s+(?:or\\s+\\w+\\s+)?into|delete\\s+from|update|merge\\s+into|truncate(?:\\s+table)?|copy"
                    + "|(?:create|drop|alter)\\s+(?:or\\s+replace\\s+)?(?:(?:temp|temporary)\\s+)?table"
                    + "(?:\\s+if\\s+(?:not\\s+)?exists)?)\\s+\"?(raw|staging|core|ops|ref)\"?\\.\"?([a-z_][a-z0-9_]*)\"?",
            Pattern.CASE_INSENSITIVE);

    private final String script;
    private final List<String> tables;
    private final List<String> parameters;
    private final boolean readsAsOfDate;
    private final List<String> asOfColumns;

    private ScriptFingerprint(
            String script,
            List<String> tables,
            List<String> parameters,
            boolean readsAsOfDate,
            List<String> asOfColumns) {
        this.script = script;
        this.tables = tables;
        this.parameters = parameters;
        this.readsAsOfDate = readsAsOfDate;
        this.asOfColumns = asOfColumns;
    }

    /** The fingerprint of a script carrying the marker; empty for any other script. */
    static Optional<ScriptFingerprint> of(String script, String text) {
        if (!text.lines().anyMatch(line -> line.strip().startsWith(MARKER))) {
            return Optional.empty();
        }
        String code = LINE_COMMENT.matcher(text).replaceAll("");
        TreeSet<String> tables = new TreeSet<>();
        Matcher table = TABLE.matcher(code);
        while (table.find()) {
            tables.add(table.group(1) + "." + table.group(2));
        }
        tables.remove("ops.parameter");
        // a record of the script's own target (stage_validated's raw => ...), whose checksum is already in the print
        tables.remove("ops.staged_rows");
        TreeSet<String> parameters = new TreeSet<>();
        Matcher parameter = PARAMETER.matcher(code);
        while (parameter.find()) {
            parameters.add(parameter.group(1));
        }
        parameters.remove("run_id");
        List<String> asOfColumns = new ArrayList<>();
        Matcher declared = AS_OF_COLUMNS.matcher(text);
        if (declared.find()) {
            for (String column : declared.group(1).split("\\s*,\\s*")) {
                String read = column.substring(0, column.lastIndexOf('.'));
                if (!tables.contains(read)) {
                    throw new IllegalArgumentException(script + " declares the as-of date compared with " + column
                            + ", but its code does not read " + read);
                }
                asOfColumns.add(column);
            }
        }
        return Optional.of(new ScriptFingerprint(
                script,
                List.copyOf(tables),
                List.copyOf(parameters),
                AS_OF_DATE.matcher(code).find(),
                List.copyOf(asOfColumns)));
    }

    List<String> tables() {
        return tables;
    }

    /**
     * The warehouse tables a script's code writes: the target of every insert, update, delete, merge, truncate, copy
     * and create, drop or alter table (comments ignored).
     */
    static Set<String> writtenTables(String text) {
        Set<String> written = new TreeSet<>();
        Matcher write = WRITE.matcher(LINE_COMMENT.matcher(text).replaceAll(""));
        while (write.find()) {
            written.add(write.group(1).toLowerCase(Locale.ROOT) + "."
                    + write.group(2).toLowerCase(Locale.ROOT));
        }
        return written;
    }

    List<String> parameters() {
        return parameters;
    }

    List<String> asOfColumns() {
        return asOfColumns;
    }

    /**
     * True when the fingerprint now equals the one kept after the script's last run; false when a table it names does
     * not exist yet (a staging table the script itself creates, as a new source's validation does on its first run).
     */
    boolean unchanged(Connection conn, TableChecksums checksums) throws SQLException {
        if (!allTablesExist(conn)) {
            return false;
        }
        try (PreparedStatement ps =
                conn.prepareStatement("select fingerprint = ? from ops.script_state where script = ?")) {
            ps.setString(1, fingerprint(conn, checksums));
            ps.setString(2, script);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() && rs.getBoolean(1);
            }
        } catch (SQLException e) {
            throw failed(e);
        }
    }

    private boolean allTablesExist(Connection conn) throws SQLException {
        try (PreparedStatement ps = conn.prepareStatement("select count(*) from information_schema.tables"
                + " where table_catalog = current_database() and table_schema || '.' || table_name = ?")) {
            for (String table : tables) {
                ps.setString(1, table);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next() || rs.getLong(1) == 0) {
                        return false;
                    }
                }
            }
        }
        return true;
    }

    /** Keeps the fingerprint as the script left the warehouse, with the night's run id. */
    void record(Connection conn, TableChecksums checksums) throws SQLException {
        try (PreparedStatement ps =
                conn.prepareStatement("insert or replace into ops.script_state (script, fingerprint, "
                        + "run_id) select ?, ?, try_cast(ops.param('run_id') as bigint)")) {
            ps.setString(1, script);
            ps.setString(2, fingerprint(conn, checksums));
            ps.executeUpdate();
        } catch (SQLException e) {
            throw failed(e);
        }
    }

    private SQLException failed(SQLException e) {
        return new SQLException(
                script + ": cannot take the checksum of the tables it names (" + String.join(", ", tables)
                        + ") and the parameters it reads (" + String.join(", ", parameters) + "): " + e.getMessage(),
                e.getSQLState(),
                e);
    }

    /** Whether the night runs with --full: every script then runs. */
    static boolean fullRebuild(Connection conn) throws SQLException {
        try (Statement st = conn.createStatement();
                ResultSet rs = st.executeQuery("select coalesce(ops.param('full_rebuild'), 'false') = 'true'")) {
            return rs.next() && rs.getBoolean(1);
        }
    }

    /**
     * md5 over every named table's "name=rows:sum of row hashes", the parameters' values and the as-of date: the
     * same value as one query over all of them, with each table's part taken through {@code checksums}.
     */
    private String fingerprint(Connection conn, TableChecksums checksums) throws SQLException {
        List<String> parts = new ArrayList<>();
        for (String table : tables) {
            parts.add(checksums.of(conn, table));
        }
        List<String> sqlParts = new ArrayList<>();
        for (int i = 0; i < parts.size(); i++) {
            sqlParts.add("?");
        }
        if (!parameters.isEmpty()) {
            sqlParts.add("(select string_agg(name || '=' || coalesce(value, ''), ';' order by name) from ops.parameter "
                    + "where name in ("
                    + parameters.stream().map(p -> "'" + p + "'").collect(Collectors.joining(", "))
                    + "))");
        }
        if (readsAsOfDate && asOfColumns.isEmpty()) {
            // the date the script works with, also when the parameter is empty (then it is today)
            sqlParts.add("(select 'as_of_date=' || ops.as_of_date())");
        }
        for (String column : asOfColumns) {
            int dot = column.lastIndexOf('.');
            sqlParts.add("(select '" + column + " after as-of=' || count(*) from " + column.substring(0, dot)
                    + " where " + column.substring(dot + 1) + " > ops.as_of_date())");
        }
        try (PreparedStatement ps =
                conn.prepareStatement("select md5(concat_ws('/', " + String.join(", ", sqlParts) + "))")) {
            for (int i = 0; i < parts.size(); i++) {
                ps.setString(i + 1, parts.get(i));
            }
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getString(1);
            }
        }
    }

    /** One table's part of a fingerprint: "name=rows:sum of row hashes". */
    static String tableChecksum(Connection conn, String table) throws SQLException {
        try (Statement st = conn.createStatement();
                ResultSet rs = st.executeQuery("select '" + table
                        + "=' || count(*) || ':' || coalesce(sum(hash(t)), 0) " + "from " + table + " t")) {
            rs.next();
            return rs.getString(1);
        }
    }
}
