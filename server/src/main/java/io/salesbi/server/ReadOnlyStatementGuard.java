package io.salesbi.server;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.calcite.avatica.AvaticaSeverity;
import org.apache.calcite.avatica.remote.AvaticaRuntimeException;
import org.apache.calcite.avatica.util.Casing;
import org.apache.calcite.avatica.util.Quoting;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.parser.SqlParseException;
import org.apache.calcite.sql.parser.SqlParser;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.sql.util.SqlBasicVisitor;

/**
 * Lets only a single query through: {@code SELECT}, {@code WITH}, set operations, {@code VALUES} and {@code EXPLAIN}
 * of those. Everything else (INSERT, UPDATE, DELETE, MERGE, DDL, SET, and DuckDB statements Calcite cannot even parse
 * such as ATTACH, COPY, INSTALL, PRAGMA) is refused with a message saying why. Text that does not parse and does not
 * start with the keyword of such a statement (a query with a typo, "selec 1") is answered as a syntax error (SQL state {@value #SYNTAX_ERROR_STATE}) with Calcite's line and
 * column, not as a refusal.
 *
 * <p>Calcite would push an INSERT into a warehouse table down to DuckDB (its JDBC tables are modifiable), so this
 * check is what makes the endpoint read-only, not a courtesy. File-reading table functions ({@code read_csv},
 * {@code read_parquet}, {@code glob}, ...) are refused by name as well: Calcite does not know them today, but the
 * refusal must not depend on that.
 *
 * <p>The verdict depends on the text alone, so the guard remembers the texts it let through (the last
 * {@value #REMEMBERED_QUERIES}, each up to {@value #REMEMBERED_MAX_LENGTH} characters): dashboards and worksheets
 * send the same queries again and again, and Calcite parses each of them once more anyway. Refused texts are
 * checked afresh every time.
 */
final class ReadOnlyStatementGuard {

    static final int REMEMBERED_QUERIES = 512;
    /** Longer texts are not remembered, so the memory the guard holds stays small whatever clients send. */
    static final int REMEMBERED_MAX_LENGTH = 16_384;

    static final SqlParser.Config PARSER = SqlParser.config()
            .withQuoting(Quoting.DOUBLE_QUOTE)
            .withUnquotedCasing(Casing.UNCHANGED)
            .withQuotedCasing(Casing.UNCHANGED)
            .withCaseSensitive(false);

    /** Keywords a query starts with: text that starts so but does not parse is a syntax error, not a refusal. */
    private static final Set<String> QUERY_KEYWORDS = Set.of("select", "with", "values", "explain", "table");
    /** Keywords of statements that are no query, in SQL and in DuckDB's dialect. */
    private static final Set<String> OTHER_STATEMENT_KEYWORDS = Set.of(
            "insert",
            "update",
            "delete",
            "merge",
            "upsert",
            "replace",
            "create",
            "drop",
            "alter",
            "truncate",
            "rename",
            "comment",
            "attach",
            "detach",
            "copy",
            "export",
            "import",
            "install",
            "load",
            "force",
            "pragma",
            "set",
            "reset",
            "call",
            "execute",
            "prepare",
            "deallocate",
            "begin",
            "start",
            "commit",
            "end",
            "rollback",
            "abort",
            "checkpoint",
            "vacuum",
            "analyze",
            "use",
            "grant",
            "revoke",
            "describe",
            "show",
            "summarize",
            "pivot",
            "unpivot");
    /** SQL state of a syntax error (SQL:2016 class 42, syntax error or access rule violation). */
    static final String SYNTAX_ERROR_STATE = "42000";

    static final int SYNTAX_ERROR_CODE = 1;

    private static final Set<String> FILE_FUNCTIONS = Set.of(
            "glob",
            "parquet_scan",
            "parquet_metadata",
            "parquet_schema",
            "sniff_csv",
            "st_read",
            "sqlite_scan",
            "postgres_scan",
            "iceberg_scan",
            "delta_scan",
            "query_table",
            "query");
    private static final Set<String> FILE_FUNCTION_PREFIXES = Set.of("read_", "duckdb_", "pragma_");

    /** Texts let through, to the query to run, least recently used first. */
    private final Map<String, String> accepted = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, String> eldest) {
            return size() > REMEMBERED_QUERIES;
        }
    };

    /**
     * Returns the query to run, without the one trailing semicolon SQL editors like to send, or throws
     * {@link StatementRefusedException} unless {@code sql} is one read-only query.
     */
    String check(String sql) {
        if (sql == null || sql.isBlank()) {
            throw new StatementRefusedException("empty SQL statement");
        }
        synchronized (accepted) {
            String query = accepted.get(sql);
            if (query != null) {
                return query;
            }
        }
        String query = parseAndCheck(sql);
        if (sql.length() <= REMEMBERED_MAX_LENGTH) {
            synchronized (accepted) {
                accepted.put(sql, query);
            }
        }
        return query;
    }

    private static String parseAndCheck(String sql) {
        sql = DuckDbSyntax.rewrite(withoutTrailingSemicolon(sql));
        SqlNode statement;
        try {
            statement = SqlParser.create(sql, PARSER).parseStmt();
        } catch (SqlParseException e) {
            // A second statement after a semicolon is refused, not reported as a typo in the first.
            if ((looksLikeAQuery(sql) || !startsLikeAnotherStatement(sql))
                    && !firstLine(e.getMessage()).startsWith("Encountered \";\"")) {
                // A query with a typo is the analyst's mistake, not an attempt to write: say so, with the position.
                throw new AvaticaRuntimeException(
                        syntaxError(e), SYNTAX_ERROR_CODE, SYNTAX_ERROR_STATE, AvaticaSeverity.ERROR);
            }
            throw new StatementRefusedException("read-only endpoint: only a single SELECT query is allowed, "
                    + "and this statement is not one (" + firstLine(e.getMessage()) + ")");
        }
        SqlKind kind = statement.getKind();
        if (!SqlKind.QUERY.contains(kind) && kind != SqlKind.EXPLAIN) {
            throw new StatementRefusedException(
                    "read-only endpoint: " + kind + " statements are not allowed, " + "only SELECT queries");
        }
        statement.accept(new FileFunctionFinder());
        return DuckDbFunctions.rewrite(sql, statement);
    }

    private static String syntaxError(SqlParseException e) {
        SqlParserPos position = e.getPos();
        String where = position == null || position.getLineNum() < 1
                ? ""
                : " at line " + position.getLineNum() + ", column " + position.getColumnNum();
        return "SQL syntax error" + where + ": " + firstLine(e.getMessage());
    }

    /** Whether the text starts, after comments and parentheses, with a keyword a query starts with. */
    static boolean looksLikeAQuery(String sql) {
        return QUERY_KEYWORDS.contains(firstWord(sql));
    }

    /**
     * Whether the text starts with the keyword of a statement other than a query (a write, DDL, DuckDB's ATTACH,
     * COPY, INSTALL, ...): such text is refused whether it parses or not. Text starting with any other word (a typo
     * such as "selec") is a syntax error.
     */
    static boolean startsLikeAnotherStatement(String sql) {
        return OTHER_STATEMENT_KEYWORDS.contains(firstWord(sql));
    }

    private static String firstWord(String sql) {
        String rest = sql.strip();
        while (true) {
            if (rest.startsWith("--")) {
                int newline = rest.indexOf('\n');
                rest = newline < 0 ? "" : rest.substring(newline + 1).strip();
            } else if (rest.startsWith("/*")) {
                int end = rest.indexOf("*/");
                rest = end < 0 ? "" : rest.substring(end + 2).strip();
            } else if (rest.startsWith("(")) {
                rest = rest.substring(1).strip();
            } else {
                break;
            }
        }
        return rest.split("[^A-Za-z]", 2)[0].toLowerCase(Locale.ROOT);
    }

    private static String withoutTrailingSemicolon(String sql) {
        String stripped = sql.stripTrailing();
        return stripped.endsWith(";") ? stripped.substring(0, stripped.length() - 1) : sql;
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "unparsable";
        }
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }

    private static final class FileFunctionFinder extends SqlBasicVisitor<Void> {

        @Override
        public Void visit(SqlCall call) {
            String name = call.getOperator().getName().toLowerCase(Locale.ROOT);
            if (FILE_FUNCTIONS.contains(name) || FILE_FUNCTION_PREFIXES.stream().anyMatch(name::startsWith)) {
                throw new StatementRefusedException("read-only endpoint: function " + name
                        + " is not allowed (it reads files or the database catalog)");
            }
            return super.visit(call);
        }
    }
}
