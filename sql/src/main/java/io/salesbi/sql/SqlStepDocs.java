package io.salesbi.sql;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The part of docs/kpis.md that describes the SQL steps: every validation rule (the quarantine rule names found in
 * sql/validate) and every pre-publish check (the first comment sentence of each sql/assert script).
 */
final class SqlStepDocs {

    /** A rule name as the validate scripts write it into quarantine.rejected_row.rule, e.g. 'order_line.future_date'. */
    private static final Pattern RULE = Pattern.compile("'([a-z_]+\\.[a-z_]+)'");

    private SqlStepDocs() {}

    static void render(StringBuilder md) {
        md.append("\n## Validation rules (sql/validate)\n\n")
                .append(
                        "Rows breaking a rule go to `quarantine.rejected_row` (stage `validate`) with file, sheet, row, ")
                .append("column, value and a message; `kpi.dq_quarantine` counts them per rule.\n\n")
                .append("| script | what it validates | rules |\n|---|---|---|\n");
        for (String script : ClasspathScripts.list("sql/validate")) {
            String sql = ClasspathScripts.read(script);
            md.append("| `")
                    .append(fileName(script))
                    .append("` | ")
                    .append(firstSentence(sql))
                    .append(" | ")
                    .append(String.join(
                            ", ",
                            rules(sql).stream().map(rule -> "`" + rule + "`").toList()))
                    .append(" |\n");
        }
        md.append("\n## Pre-publish checks (sql/assert)\n\n")
                .append(
                        "`io.salesbi.sql.Assertions.check` runs them after consolidation; any row they return is a failure.\n\n")
                .append("| script | checks that |\n|---|---|\n");
        for (String script : ClasspathScripts.list("sql/assert")) {
            md.append("| `")
                    .append(fileName(script))
                    .append("` | ")
                    .append(firstSentence(ClasspathScripts.read(script)))
                    .append(" |\n");
        }
    }

    private static Set<String> rules(String sql) {
        Set<String> rules = new LinkedHashSet<>();
        Matcher matcher = RULE.matcher(sql);
        while (matcher.find()) {
            rules.add(matcher.group(1));
        }
        return rules;
    }

    /** The leading comment block's first sentence. */
    private static String firstSentence(String sql) {
        StringBuilder comment = new StringBuilder();
        for (String line : sql.lines().toList()) {
            if (!line.startsWith("--")) {
                break;
            }
            comment.append(line.substring(2).strip()).append(' ');
        }
        String text = comment.toString().strip();
        int end = text.indexOf(". ");
        String sentence = end < 0 ? text : text.substring(0, end + 1);
        return sentence.replace("|", "\\|");
    }

    private static String fileName(String script) {
        List<String> parts = List.of(script.split("/"));
        return parts.get(parts.size() - 1);
    }
}
