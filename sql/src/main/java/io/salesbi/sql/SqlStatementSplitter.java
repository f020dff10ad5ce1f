package io.salesbi.sql;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a SQL script into statements at semicolons that are outside quotes and comments, so a script may hold
 * several statements with string literals such as {@code 'a;b'} or comments mentioning {@code ;}.
 */
final class SqlStatementSplitter {

    /** One statement of a script and the 1-based line it starts on, for error messages. */
    record ScriptStatement(int number, int line, String sql) {

        /** The first line of the statement, shortened: enough for a reader to find it in the script. */
        String firstLine() {
            String first = sql.strip().lines().findFirst().orElse("");
            return first.length() > 120 ? first.substring(0, 117) + "..." : first;
        }
    }

    private SqlStatementSplitter() {}

    static List<ScriptStatement> split(String script) {
        List<ScriptStatement> statements = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        int line = 1;
        int startLine = -1;
        int i = 0;
        while (i < script.length()) {
            char c = script.charAt(i);
            char next = i + 1 < script.length() ? script.charAt(i + 1) : '\0';
            int end;
            if (c == '-' && next == '-') {
                end = indexOrEnd(script, "\n", i);
            } else if (c == '/' && next == '*') {
                end = indexOrEnd(script, "*/", i + 2) + 1;
            } else if (c == '\'' || c == '"') {
                end = closingQuote(script, c, i);
            } else if (c == ';') {
                addIfNotBlank(statements, current, startLine);
                current.setLength(0);
                startLine = -1;
                i++;
                continue;
            } else {
                end = i;
            }
            String token = script.substring(i, Math.min(end + 1, script.length()));
            boolean isComment = c == '-' && next == '-' || c == '/' && next == '*';
            if (startLine < 0 && !isComment && !Character.isWhitespace(c)) {
                startLine = line;
            }
            if (!isComment || !current.toString().isBlank()) {
                current.append(token);
            }
            line += (int) token.chars().filter(ch -> ch == '\n').count();
            i = end + 1;
        }
        addIfNotBlank(statements, current, startLine);
        return statements;
    }

    private static int indexOrEnd(String script, String marker, int from) {
        int index = script.indexOf(marker, from);
        return index < 0 ? script.length() - 1 : index;
    }

    /** Index of the quote closing the one at {@code start}; a doubled quote is an escaped quote. */
    private static int closingQuote(String script, char quote, int start) {
        int i = start + 1;
        while (i < script.length()) {
            if (script.charAt(i) == quote) {
                if (i + 1 < script.length() && script.charAt(i + 1) == quote) {
                    i += 2;
                    continue;
                }
                return i;
            }
            i++;
        }
        return script.length() - 1;
    }

    private static void addIfNotBlank(List<ScriptStatement> statements, StringBuilder sql, int startLine) {
        if (!sql.toString().isBlank()) {
            statements.add(new ScriptStatement(
                    statements.size() + 1, startLine, sql.toString().strip()));
        }
    }
}
