package io.salesbi.spark;

import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * SQL text cut into code, string literals, quoted identifiers and comments, so that rewrites and reference searches
 * touch code only: a {@code core.x} inside {@code 'a string'} or {@code -- a comment} is neither a reference nor
 * rewritten, and a semicolon inside either does not end a statement.
 */
final class SqlText {

    enum Kind {
        CODE,
        STRING,
        IDENTIFIER,
        COMMENT
    }

    /** One piece of the text; a string or identifier keeps its quotes. */
    record Segment(Kind kind, String text) {}

    private SqlText() {}

    static List<Segment> segments(String sql) {
        List<Segment> segments = new ArrayList<>();
        StringBuilder code = new StringBuilder();
        int i = 0;
        while (i < sql.length()) {
            char c = sql.charAt(i);
            char next = i + 1 < sql.length() ? sql.charAt(i + 1) : '\0';
            int end;
            Kind kind;
            if (c == '-' && next == '-') {
                end = indexOrEnd(sql, "\n", i) - 1;
                kind = Kind.COMMENT;
            } else if (c == '/' && next == '*') {
                end = indexOrEnd(sql, "*/", i + 2) + 1;
                kind = Kind.COMMENT;
            } else if (c == '\'' || c == '"') {
                end = closingQuote(sql, c, i);
                kind = c == '\'' ? Kind.STRING : Kind.IDENTIFIER;
            } else {
                code.append(c);
                i++;
                continue;
            }
            if (!code.isEmpty()) {
                segments.add(new Segment(Kind.CODE, code.toString()));
                code.setLength(0);
            }
            end = Math.min(end, sql.length() - 1);
            segments.add(new Segment(kind, sql.substring(i, end + 1)));
            i = end + 1;
        }
        if (!code.isEmpty()) {
            segments.add(new Segment(Kind.CODE, code.toString()));
        }
        return segments;
    }

    /** The statements of a script: split at semicolons in code, comments dropped, blank ones left out. */
    static List<String> statements(String script) {
        List<String> statements = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (Segment s : segments(script)) {
            if (s.kind() == Kind.COMMENT) {
                continue;
            }
            if (s.kind() != Kind.CODE) {
                current.append(s.text());
                continue;
            }
            String text = s.text();
            int from = 0;
            for (int semicolon = text.indexOf(';'); semicolon >= 0; semicolon = text.indexOf(';', from)) {
                current.append(text, from, semicolon);
                addIfNotBlank(statements, current);
                from = semicolon + 1;
            }
            current.append(text.substring(from));
        }
        addIfNotBlank(statements, current);
        return statements;
    }

    /** The text with {@code rewrite} applied to every code segment (strings and identifiers untouched, comments dropped). */
    static String mapCode(String sql, UnaryOperator<String> rewrite) {
        StringBuilder out = new StringBuilder();
        for (Segment s : segments(sql)) {
            switch (s.kind()) {
                case CODE -> out.append(rewrite.apply(s.text()));
                case COMMENT -> out.append(' ');
                default -> out.append(s.text());
            }
        }
        return out.toString();
    }

    /** The code segments only, strings and identifiers replaced by a blank: for searching references. */
    static String codeOnly(String sql) {
        StringBuilder out = new StringBuilder();
        for (Segment s : segments(sql)) {
            out.append(s.kind() == Kind.CODE ? s.text() : " ");
        }
        return out.toString();
    }

    private static void addIfNotBlank(List<String> statements, StringBuilder sql) {
        if (!sql.toString().isBlank()) {
            statements.add(sql.toString().strip());
        }
        sql.setLength(0);
    }

    private static int indexOrEnd(String sql, String marker, int from) {
        int index = sql.indexOf(marker, from);
        return index < 0 ? sql.length() : index;
    }

    /** Index of the quote closing the one at {@code start}; a doubled quote is an escaped quote. */
    private static int closingQuote(String sql, char quote, int start) {
        int i = start + 1;
        while (i < sql.length()) {
            if (sql.charAt(i) == quote) {
                if (i + 1 < sql.length() && sql.charAt(i + 1) == quote) {
                    i += 2;
                    continue;
                }
                return i;
            }
            i++;
        }
        return sql.length() - 1;
    }
}
