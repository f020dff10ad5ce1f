package io.salesbi.sql;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The night's SQL idioms written once, expanded when a script is read, before it is split into statements (and
 * before {@link ScriptFingerprint} looks for the tables it names).
 *
 * <ul>
 *   <li>{@code qualify latest_row_per(trim(debtor_no), year)} runs {@code qualify row_number() over (partition by
 *       trim(debtor_no), year order by _load_id desc, _row_number desc) = 1}: of several deliveries of one business
 *       key, the row delivered last wins (the newest load, within it the last row of the file).
 *   <li>A statement {@code stage_validated(subject => debtor, source => erp, target => staging.erp_debtor, columns =>
 *       (debtor_no, ...));} at the start of a line is replaced by the validation skeleton in {@value #SKELETON}:
 *       the subject's quarantined rows (rules {@code debtor.*}) replaced by {@code debtor_rejected}, the target
 *       rebuilt from the candidates ({@code debtor_candidate}, or {@code candidates => other_table}) that broke no
 *       rule ({@code columns} are the candidates' columns in the order of the target's). With {@code raw =>
 *       raw.channel_price} (the validation of a raw table a mapping owns) the rows each load has in the target are
 *       also written to {@code ops.staged_rows} ({@value #COUNT_STAGED}), which {@code kpi.dq_file_rows} reads. A
 *       validation script therefore
 *       holds only what is its own: the candidates with their key, the rules,
 *       and this one statement.
 * </ul>
 */
public final class SqlTemplates {

    static final String LATEST_ROW_PER = "latest_row_per(";
    static final String SKELETON = "sql/templates/stage_validated.sql";
    static final String COUNT_STAGED = "sql/templates/count_staged.sql";

    private static final Pattern STAGE_VALIDATED = Pattern.compile("(?m)^stage_validated\\(");
    private static final Pattern ARGUMENT = Pattern.compile("(?s)\\s*([a-z_]+)\\s*=>\\s*(.*?)\\s*");
    private static final Pattern IDENTIFIER = Pattern.compile("[a-z_][a-z0-9_]*");
    private static final Pattern TABLE = Pattern.compile("[a-z_][a-z0-9_]*\\.[a-z_][a-z0-9_]*");
    private static final Pattern COLUMNS =
            Pattern.compile("\\(\\s*[a-z_][a-z0-9_]*(\\s*,\\s*[a-z_][a-z0-9_]*)*\\s*\\)");
    private static final Set<String> REQUIRED = Set.of("subject", "source", "target", "columns");
    private static final Set<String> KNOWN = Set.of("subject", "source", "target", "columns", "candidates", "raw");

    private SqlTemplates() {}

    public static String expand(String sql) {
        return expandLatestRowPer(expandStageValidated(sql));
    }

    private static String expandLatestRowPer(String sql) {
        StringBuilder out = new StringBuilder(sql.length());
        int from = 0;
        int at;
        while ((at = sql.indexOf(LATEST_ROW_PER, from)) >= 0) {
            int open = at + LATEST_ROW_PER.length() - 1;
            int close = matchingParenthesis(sql, open, "latest_row_per(");
            String keys = sql.substring(open + 1, close).strip();
            if (keys.isEmpty()) {
                throw new IllegalArgumentException("latest_row_per() needs the key columns, at offset " + at);
            }
            out.append(sql, from, at)
                    .append("row_number() over (partition by ")
                    .append(keys)
                    .append(" order by _load_id desc, _row_number desc) = 1");
            from = close + 1;
        }
        return out.append(sql, from, sql.length()).toString();
    }

    private static String expandStageValidated(String sql) {
        Matcher directive = STAGE_VALIDATED.matcher(sql);
        if (!directive.find()) {
            return sql;
        }
        String skeleton = statements(SKELETON);
        StringBuilder out = new StringBuilder(sql.length() + 1024);
        int from = 0;
        do {
            int open = directive.end() - 1;
            int close = matchingParenthesis(sql, open, "stage_validated(");
            String where = "stage_validated( at line " + lineOf(sql, directive.start());
            Map<String, String> arguments = arguments(sql.substring(open + 1, close), where);
            out.append(sql, from, directive.start()).append(fill(skeleton, arguments));
            if (arguments.containsKey("raw")) {
                out.append("\n\n").append(fill(statements(COUNT_STAGED), arguments));
            }
            from = close + 1;
            // the directive's own semicolon: the skeleton ends with one
            while (from < sql.length() && Character.isWhitespace(sql.charAt(from)) && sql.charAt(from) != '\n') {
                from++;
            }
            if (from < sql.length() && sql.charAt(from) == ';') {
                from++;
            }
        } while (directive.find(from));
        return out.append(sql, from, sql.length()).toString();
    }

    private static Map<String, String> arguments(String text, String where) {
        Map<String, String> arguments = new LinkedHashMap<>();
        for (String part : topLevelParts(text)) {
            Matcher argument = ARGUMENT.matcher(part);
            if (!argument.matches()) {
                throw new IllegalArgumentException(
                        where + ": '" + part.strip() + "' is no argument; expected name => value");
            }
            String name = argument.group(1);
            if (!KNOWN.contains(name)) {
                throw new IllegalArgumentException(where + ": unknown argument '" + name + "'; expected some of "
                        + KNOWN.stream().sorted().toList());
            }
            if (arguments.put(name, argument.group(2)) != null) {
                throw new IllegalArgumentException(where + ": argument '" + name + "' is given twice");
            }
        }
        List<String> missing = REQUIRED.stream()
                .filter(name -> !arguments.containsKey(name))
                .sorted()
                .toList();
        if (!missing.isEmpty()) {
            throw new IllegalArgumentException(where + ": missing " + missing);
        }
        arguments.putIfAbsent("candidates", arguments.get("subject") + "_candidate");
        check(where, arguments, "subject", IDENTIFIER, "a name such as debtor");
        check(where, arguments, "source", IDENTIFIER, "a source such as erp");
        check(where, arguments, "candidates", IDENTIFIER, "a temp table such as debtor_candidate");
        check(where, arguments, "target", TABLE, "a table such as staging.erp_debtor");
        if (arguments.containsKey("raw")) {
            check(where, arguments, "raw", TABLE, "the raw table validated, such as raw.channel_price");
        }
        check(where, arguments, "columns", COLUMNS, "the target's columns in parentheses, (a, b, c)");
        String columns = arguments.get("columns");
        arguments.put(
                "columns",
                String.join(
                        ", ",
                        List.of(columns.substring(1, columns.length() - 1)
                                .strip()
                                .split("\\s*,\\s*"))));
        return arguments;
    }

    private static void check(
            String where, Map<String, String> arguments, String name, Pattern pattern, String expected) {
        String value = arguments.get(name);
        if (!pattern.matcher(value).matches()) {
            throw new IllegalArgumentException(where + ": " + name + " => " + value + "; expected " + expected);
        }
    }

    private static String fill(String skeleton, Map<String, String> arguments) {
        String filled = skeleton;
        for (Map.Entry<String, String> argument : arguments.entrySet()) {
            filled = filled.replace("${" + argument.getKey() + "}", argument.getValue());
        }
        return filled;
    }

    /** A template's statements without its leading comment block. */
    private static String statements(String template) {
        List<String> lines = ClasspathScripts.read(template).lines().toList();
        int first = 0;
        while (first < lines.size()
                && (lines.get(first).startsWith("--") || lines.get(first).isBlank())) {
            first++;
        }
        return String.join("\n", lines.subList(first, lines.size()));
    }

    /** The parts of an argument list separated by commas outside parentheses and quotes. */
    private static List<String> topLevelParts(String text) {
        List<String> parts = new ArrayList<>();
        int depth = 0;
        boolean quoted = false;
        int start = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\'') {
                quoted = !quoted;
            } else if (!quoted && c == '(') {
                depth++;
            } else if (!quoted && c == ')') {
                depth--;
            } else if (!quoted && depth == 0 && c == ',') {
                parts.add(text.substring(start, i));
                start = i + 1;
            }
        }
        parts.add(text.substring(start));
        return parts;
    }

    private static int lineOf(String sql, int offset) {
        return (int) sql.substring(0, offset).chars().filter(c -> c == '\n').count() + 1;
    }

    private static int matchingParenthesis(String sql, int open, String what) {
        int depth = 0;
        boolean quoted = false;
        for (int i = open; i < sql.length(); i++) {
            char c = sql.charAt(i);
            if (c == '\'') {
                quoted = !quoted;
            } else if (!quoted && c == '(') {
                depth++;
            } else if (!quoted && c == ')' && --depth == 0) {
                return i;
            }
        }
        throw new IllegalArgumentException(what + " at offset " + open + " is never closed");
    }
}
