package io.salesbi.server;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * DuckDB's (PostgreSQL's) syntax that Calcite's parser does not read, rewritten in the query text before it is parsed
 * and checked like any other text ({@link ReadOnlyStatementGuard}):
 * <ul>
 *   <li>{@code x::type} as {@code CAST(x AS type)}: {@code x} is a name ({@code a.b}), a literal (also
 *       {@code date '...'}), a function call, a parenthesized expression or {@code CASE ... END}; {@code type} a type
 *       name with optional {@code (p, s)}, where DuckDB's aliases Calcite lacks are translated ({@code text} and
 *       {@code string} as {@code varchar}, {@code int}/{@code int4} as {@code integer}, {@code int8}/{@code long} as
 *       {@code bigint}, {@code int2} as {@code smallint}, {@code float8} as {@code double}, {@code float4}/
 *       {@code float} as {@code real}, {@code bool} as {@code boolean}, {@code numeric} as {@code decimal}).
 *       Chains ({@code x::date::varchar}) cast in turn.</li>
 *   <li>{@code GROUP BY ALL} (no expressions after it) as {@code GROUP BY} a marker that
 *       {@link DuckDbFunctions} replaces, once parsed, with the select list's expressions that hold no aggregate.</li>
 * </ul>
 * Strings, quoted names and comments are never touched. Error positions Calcite reports refer to the rewritten
 * text.
 */
final class DuckDbSyntax {

    /** The quoted name {@code GROUP BY ALL} becomes until {@link DuckDbFunctions} expands it. */
    static final String GROUP_BY_ALL_MARKER = "salesbi$group_by_all";

    private static final int MAX_CASTS = 1_000;

    private static final Map<String, String> TYPE_ALIASES = Map.ofEntries(
            Map.entry("text", "varchar"),
            Map.entry("string", "varchar"),
            Map.entry("int", "integer"),
            Map.entry("int4", "integer"),
            Map.entry("signed", "integer"),
            Map.entry("int8", "bigint"),
            Map.entry("long", "bigint"),
            Map.entry("int2", "smallint"),
            Map.entry("short", "smallint"),
            Map.entry("int1", "tinyint"),
            Map.entry("float8", "double"),
            Map.entry("float4", "real"),
            Map.entry("float", "real"),
            Map.entry("bool", "boolean"),
            Map.entry("numeric", "decimal"));

    /** Words before a parenthesis that make it no function call: {@code select (a + b)::int}. */
    private static final Set<String> KEYWORDS = Set.of(
            "select",
            "where",
            "and",
            "or",
            "not",
            "in",
            "exists",
            "on",
            "when",
            "then",
            "else",
            "from",
            "by",
            "having",
            "as",
            "distinct",
            "all",
            "any",
            "some",
            "values",
            "like",
            "ilike",
            "between",
            "is",
            "case",
            "with",
            "union",
            "except",
            "intersect",
            "join",
            "lateral",
            "using",
            "over",
            "filter",
            "within",
            "group",
            "order",
            "limit",
            "offset",
            "return",
            "escape",
            "similar");

    /** What may follow {@code GROUP BY ALL} when it stands alone. */
    private static final Set<String> AFTER_GROUP_BY =
            Set.of("order", "having", "limit", "offset", "fetch", "window", "qualify", "union", "intersect", "except");

    private static final Set<String> TYPED_LITERALS = Set.of("date", "timestamp", "time", "interval");

    private DuckDbSyntax() {}

    private enum Kind {
        WORD,
        QUOTED,
        STRING,
        NUMBER,
        SYMBOL,
        SPACE
    }

    private record Token(Kind kind, int start, int end, String text) {

        boolean is(String symbolOrWord) {
            return (kind == Kind.SYMBOL || kind == Kind.WORD) && text.equalsIgnoreCase(symbolOrWord);
        }

        String lower() {
            return text.toLowerCase(Locale.ROOT);
        }
    }

    /** The text with {@code ::} casts and {@code GROUP BY ALL} rewritten; {@code sql} itself when it has neither. */
    static String rewrite(String sql) {
        String lower = sql.toLowerCase(Locale.ROOT);
        String text = sql;
        if (text.contains("::")) {
            text = casts(text);
        }
        if (lower.contains("all")) {
            text = groupByAll(text);
        }
        return text;
    }

    private static String casts(String sql) {
        String text = sql;
        for (int round = 0; round < MAX_CASTS; round++) {
            List<Token> tokens = tokenize(text);
            int cast = -1;
            for (int i = 0; i < tokens.size(); i++) {
                if (tokens.get(i).kind() == Kind.SYMBOL && tokens.get(i).text().equals("::")) {
                    cast = i;
                    break;
                }
            }
            if (cast < 0) {
                return text;
            }
            int valueEnd = previous(tokens, cast);
            int valueStart = valueEnd < 0 ? -1 : valueStart(tokens, valueEnd);
            int typeStart = next(tokens, cast);
            int typeEnd = typeStart < 0 ? -1 : typeEnd(tokens, typeStart);
            if (valueStart < 0 || typeEnd < 0) {
                return text; // Calcite reports the syntax error
            }
            String type = text.substring(
                    tokens.get(typeStart).start(), tokens.get(typeEnd).end());
            String firstWord = tokens.get(typeStart).lower();
            String alias = TYPE_ALIASES.get(firstWord);
            if (alias != null) {
                type = alias + type.substring(firstWord.length());
            }
            text = text.substring(0, tokens.get(valueStart).start())
                    + "CAST("
                    + text.substring(
                            tokens.get(valueStart).start(), tokens.get(valueEnd).end())
                    + " AS " + type + ")"
                    + text.substring(tokens.get(typeEnd).end());
        }
        return text;
    }

    /** The first token of the value that ends at token {@code end}; -1 when it is none this rewrite reads. */
    private static int valueStart(List<Token> tokens, int end) {
        Token last = tokens.get(end);
        int start;
        if (last.is(")")) {
            int open = matching(tokens, end, "(", ")");
            if (open < 0) {
                return -1;
            }
            start = open;
            int name = previous(tokens, open);
            if (name >= 0
                    && (tokens.get(name).kind() == Kind.QUOTED
                            || (tokens.get(name).kind() == Kind.WORD
                                    && !KEYWORDS.contains(tokens.get(name).lower())))) {
                start = qualified(tokens, name);
            }
        } else if (last.is("end")) {
            start = matching(tokens, end, "case", "end");
        } else if (last.kind() == Kind.STRING) {
            start = end;
            int type = previous(tokens, end);
            if (type >= 0
                    && tokens.get(type).kind() == Kind.WORD
                    && TYPED_LITERALS.contains(tokens.get(type).lower())) {
                start = type;
            }
        } else if (last.kind() == Kind.NUMBER) {
            start = end;
        } else if (last.kind() == Kind.QUOTED || (last.kind() == Kind.WORD && !KEYWORDS.contains(last.lower()))) {
            start = qualified(tokens, end);
        } else {
            start = -1;
        }
        return start;
    }

    /** The start of a dotted name ending at token {@code end}: {@code schema.table.column}. */
    private static int qualified(List<Token> tokens, int end) {
        int start = end;
        while (true) {
            int dot = previous(tokens, start);
            int name = dot < 0 ? -1 : previous(tokens, dot);
            if (dot >= 0
                    && tokens.get(dot).is(".")
                    && name >= 0
                    && (tokens.get(name).kind() == Kind.WORD || tokens.get(name).kind() == Kind.QUOTED)) {
                start = name;
            } else {
                return start;
            }
        }
    }

    /** The last token of the type name starting at token {@code start}; -1 when there is none. */
    private static int typeEnd(List<Token> tokens, int start) {
        Token first = tokens.get(start);
        if (first.kind() != Kind.WORD) {
            return -1;
        }
        int end = start;
        String word = first.lower();
        if (word.equals("double")) {
            end = followedBy(tokens, end, "precision");
        } else if (word.equals("character")) {
            end = followedBy(tokens, end, "varying");
        } else if (word.equals("timestamp") || word.equals("time")) {
            int with = next(tokens, end);
            if (with >= 0 && (tokens.get(with).is("with") || tokens.get(with).is("without"))) {
                int zone = followedBy(tokens, followedBy(tokens, with, "time"), "zone");
                if (zone > with + 2) {
                    end = zone;
                }
            }
        }
        int open = next(tokens, end);
        if (open >= 0 && tokens.get(open).is("(")) {
            int depth = 0;
            for (int i = open; i < tokens.size(); i++) {
                if (tokens.get(i).is("(")) {
                    depth++;
                } else if (tokens.get(i).is(")") && --depth == 0) {
                    return i;
                }
            }
            return -1;
        }
        return end;
    }

    /** The token after {@code at} when it is the word {@code word}, else {@code at}. */
    private static int followedBy(List<Token> tokens, int at, String word) {
        int next = next(tokens, at);
        return next >= 0 && tokens.get(next).is(word) ? next : at;
    }

    /** The opening token matching the closing token at {@code close}, searching backwards; -1 when none. */
    private static int matching(List<Token> tokens, int close, String opening, String closing) {
        int depth = 0;
        for (int i = close; i >= 0; i--) {
            if (tokens.get(i).is(closing)) {
                depth++;
            } else if (tokens.get(i).is(opening) && --depth == 0) {
                return i;
            }
        }
        return -1;
    }

    private static String groupByAll(String sql) {
        List<Token> tokens = tokenize(sql);
        StringBuilder text = new StringBuilder(sql);
        for (int i = tokens.size() - 1; i >= 0; i--) {
            if (!tokens.get(i).is("all")) {
                continue;
            }
            int by = previous(tokens, i);
            int group = by < 0 ? -1 : previous(tokens, by);
            if (by < 0
                    || group < 0
                    || !tokens.get(by).is("by")
                    || !tokens.get(group).is("group")) {
                continue;
            }
            int after = next(tokens, i);
            if (after < 0
                    || tokens.get(after).is(")")
                    || tokens.get(after).is(";")
                    || (tokens.get(after).kind() == Kind.WORD
                            && AFTER_GROUP_BY.contains(tokens.get(after).lower()))) {
                text.replace(tokens.get(i).start(), tokens.get(i).end(), "\"" + GROUP_BY_ALL_MARKER + "\"");
            }
        }
        return text.toString();
    }

    private static int previous(List<Token> tokens, int at) {
        for (int i = at - 1; i >= 0; i--) {
            if (tokens.get(i).kind() != Kind.SPACE) {
                return i;
            }
        }
        return -1;
    }

    private static int next(List<Token> tokens, int at) {
        for (int i = at + 1; i < tokens.size(); i++) {
            if (tokens.get(i).kind() != Kind.SPACE) {
                return i;
            }
        }
        return -1;
    }

    /** The text as tokens; comments count as space. An unclosed string or name runs to the end. */
    private static List<Token> tokenize(String sql) {
        List<Token> tokens = new ArrayList<>();
        int i = 0;
        int n = sql.length();
        while (i < n) {
            char c = sql.charAt(i);
            int start = i;
            Kind kind;
            if (Character.isWhitespace(c)) {
                while (i < n && Character.isWhitespace(sql.charAt(i))) {
                    i++;
                }
                kind = Kind.SPACE;
            } else if (sql.startsWith("--", i)) {
                int newline = sql.indexOf('\n', i);
                i = newline < 0 ? n : newline + 1;
                kind = Kind.SPACE;
            } else if (sql.startsWith("/*", i)) {
                int close = sql.indexOf("*/", i + 2);
                i = close < 0 ? n : close + 2;
                kind = Kind.SPACE;
            } else if (c == '\'' || c == '"') {
                i = quoted(sql, i, c);
                kind = c == '\'' ? Kind.STRING : Kind.QUOTED;
            } else if (Character.isLetter(c) || c == '_') {
                while (i < n
                        && (Character.isLetterOrDigit(sql.charAt(i)) || sql.charAt(i) == '_' || sql.charAt(i) == '$')) {
                    i++;
                }
                kind = Kind.WORD;
            } else if (Character.isDigit(c)) {
                while (i < n && (Character.isDigit(sql.charAt(i)) || sql.charAt(i) == '.')) {
                    i++;
                }
                if (i < n && (sql.charAt(i) == 'e' || sql.charAt(i) == 'E')) {
                    i++;
                    if (i < n && (sql.charAt(i) == '+' || sql.charAt(i) == '-')) {
                        i++;
                    }
                    while (i < n && Character.isDigit(sql.charAt(i))) {
                        i++;
                    }
                }
                kind = Kind.NUMBER;
            } else if (sql.startsWith("::", i)) {
                i += 2;
                kind = Kind.SYMBOL;
            } else {
                i++;
                kind = Kind.SYMBOL;
            }
            tokens.add(new Token(kind, start, i, sql.substring(start, i)));
        }
        return tokens;
    }

    /** The end of the string or quoted name starting at {@code start} (doubled quotes inside). */
    private static int quoted(String sql, int start, char quote) {
        int i = start + 1;
        while (i < sql.length()) {
            if (sql.charAt(i) == quote) {
                if (i + 1 < sql.length() && sql.charAt(i + 1) == quote) {
                    i += 2;
                    continue;
                }
                return i + 1;
            }
            i++;
        }
        return sql.length();
    }
}
