package io.salesbi.sql;

/**
 * The night's SQL idioms written once. A script says {@code qualify latest_row_per(trim(debtor_no), year)} and runs
 * {@code qualify row_number() over (partition by trim(debtor_no), year order by _load_id desc, _row_number desc) = 1}:
 * of several deliveries of one business key, the row delivered last wins (the newest load, within it the last row of
 * the file). Expanded when a script is read, before it is split into statements.
 */
public final class SqlTemplates {

    static final String LATEST_ROW_PER = "latest_row_per(";

    private SqlTemplates() {}

    public static String expand(String sql) {
        StringBuilder out = new StringBuilder(sql.length());
        int from = 0;
        int at;
        while ((at = sql.indexOf(LATEST_ROW_PER, from)) >= 0) {
            int open = at + LATEST_ROW_PER.length() - 1;
            int close = matchingParenthesis(sql, open);
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

    private static int matchingParenthesis(String sql, int open) {
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
        throw new IllegalArgumentException("latest_row_per( at offset " + open + " is never closed");
    }
}
