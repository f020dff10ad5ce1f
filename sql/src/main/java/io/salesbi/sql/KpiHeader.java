package io.salesbi.sql;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The header comment above a {@code create or replace view kpi.<name>} in a {@code R__kpi_*.sql} migration: the
 * view's documentation, kept in one place. Format: a first line {@code -- kpi.<name>}, then one line per field
 * {@code -- <Field>: text}, continued on lines indented by at least two more spaces. The last field, {@code Policy},
 * says what a regional manager may see of the view ({@link RowPolicy}); a header without one is rejected.
 *
 * @param view   the qualified view name, e.g. {@code kpi.market_share}
 * @param script the migration it comes from
 * @param fields the fields in {@link #FIELDS} order
 */
record KpiHeader(String view, String script, Map<String, String> fields) {

    /** The field with the view's row policy for restricted roles ({@link RowPolicy}, read by {@link RowPolicies}). */
    static final String POLICY = "Policy";
    /** The fields every KPI header must have, in the order they are rendered. */
    static final List<String> FIELDS = List.of("What", "One row", "Key", "Formula", "Sources", "Caveats", POLICY);

    /** Parses every header of one script; fails naming the script and view when a header is missing or incomplete. */
    static List<KpiHeader> parse(String script, String sql) {
        List<KpiHeader> headers = new ArrayList<>();
        List<String> comment = new ArrayList<>();
        for (String line : sql.lines().toList()) {
            String trimmed = line.strip();
            if (trimmed.startsWith("--")) {
                comment.add(trimmed.substring(2));
                continue;
            }
            String lower = trimmed.toLowerCase();
            if (lower.startsWith("create or replace view kpi.")) {
                String view =
                        lower.substring("create or replace view ".length()).split("\\s+")[0];
                headers.add(fromComment(script, view, comment));
            }
            comment.clear();
        }
        return headers;
    }

    private static KpiHeader fromComment(String script, String view, List<String> comment) {
        if (comment.isEmpty() || !comment.get(0).strip().equals(view)) {
            throw new IllegalStateException(
                    "%s: view %s needs a header comment starting with '-- %s'".formatted(script, view, view));
        }
        Map<String, String> parsed = new LinkedHashMap<>();
        String field = null;
        for (String line : comment.subList(1, comment.size())) {
            int colon = line.indexOf(':');
            String candidate = colon > 0 ? line.substring(0, colon).strip() : "";
            if (!line.startsWith("   ") && FIELDS.contains(candidate)) {
                field = candidate;
                parsed.put(field, line.substring(colon + 1).strip());
            } else if (field != null && line.startsWith("   ")) {
                parsed.put(field, parsed.get(field) + " " + line.strip());
            } else {
                throw new IllegalStateException(
                        "%s: header of %s has a line that is neither a field (%s) nor indented: %s"
                                .formatted(script, view, String.join(", ", FIELDS), line));
            }
        }
        Map<String, String> ordered = new LinkedHashMap<>();
        for (String name : FIELDS) {
            String value = parsed.get(name);
            if (value == null || value.isBlank()) {
                throw new IllegalStateException("%s: header of %s lacks the field '%s'".formatted(script, view, name));
            }
            ordered.put(name, value);
        }
        return new KpiHeader(view, script, ordered);
    }
}
