package io.salesbi.pipeline.privacy;

import io.salesbi.sql.PersonalColumn.Category;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Finds a person in every relation the catalogue declares personal columns for (raw, staging, quarantine, core, kpi):
 * the person's own rows, free text that mentions them, and rows linked to theirs by a behaviour id. Set-based: one
 * query per relation and kind of hit.
 */
final class WarehouseSearch {

    private final Connection conn;
    private final List<PersonalRelation> relations;

    WarehouseSearch(Connection conn, List<PersonalRelation> relations) {
        this.conn = conn;
        this.relations = relations;
    }

    /** What the warehouse holds of the person, and the behaviour ids of their rows by column name. */
    record Found(List<Hit> hits, Map<String, Set<String>> ids) {}

    Found find(Person person) throws SQLException {
        List<Hit> hits = new ArrayList<>();
        Map<String, Set<String>> ids = new LinkedHashMap<>();
        for (PersonalRelation r : relations) {
            String rowCond = r.rowCondition(person);
            if (rowCond != null) {
                List<String> cols = new ArrayList<>(
                        r.columns().stream().map(c -> c.column()).toList());
                for (List<String> row : select(r, cols, rowCond)) {
                    Map<String, String> values =
                            values(cols, row.subList(r.lineage().size(), row.size()));
                    hits.add(hit(r, row, Hit.ROW, values));
                    for (String b : r.columns(Category.BEHAVIOUR)) {
                        String id = values.get(b);
                        if (id != null) {
                            ids.computeIfAbsent(b, k -> new LinkedHashSet<>()).add(id);
                        }
                    }
                }
            }
            for (String text : r.columns(Category.FREE_TEXT)) {
                String mention = PersonalRelation.mentionCondition(text, person);
                if (mention == null) {
                    continue;
                }
                String cond = mention + (rowCond == null ? "" : " and not coalesce(" + rowCond + ", false)");
                for (List<String> row : select(r, List.of(text), cond)) {
                    hits.add(hit(
                            r,
                            row,
                            Hit.TEXT,
                            values(List.of(text), row.subList(r.lineage().size(), row.size()))));
                }
            }
        }
        for (PersonalRelation r : relations) {
            String rowCond = r.rowCondition(person);
            for (String b : r.columns(Category.BEHAVIOUR)) {
                Set<String> linked = ids.get(b);
                if (linked == null) {
                    continue;
                }
                String cond = PersonalRelation.q(b) + " in ("
                        + linked.stream().map(PersonalRelation::lit).collect(Collectors.joining(", ")) + ")"
                        + (rowCond == null ? "" : " and not coalesce(" + rowCond + ", false)");
                for (List<String> row : select(r, List.of(b), cond)) {
                    hits.add(hit(
                            r,
                            row,
                            Hit.LINKED,
                            values(List.of(b), row.subList(r.lineage().size(), row.size()))));
                }
            }
        }
        return new Found(hits, ids);
    }

    private List<List<String>> select(PersonalRelation r, List<String> columns, String where) throws SQLException {
        List<String> select = new ArrayList<>();
        r.lineage().forEach(c -> select.add("cast(" + PersonalRelation.q(c) + " as varchar)"));
        columns.forEach(c -> select.add("cast(" + PersonalRelation.q(c) + " as varchar)"));
        String order = r.lineage().isEmpty()
                ? ""
                : " order by " + r.lineage().stream().map(PersonalRelation::q).collect(Collectors.joining(", "));
        List<List<String>> rows = new ArrayList<>();
        try (Statement st = conn.createStatement();
                ResultSet rs = st.executeQuery(
                        "select " + String.join(", ", select) + " from " + r.qualified() + " where " + where + order)) {
            while (rs.next()) {
                List<String> row = new ArrayList<>();
                for (int i = 1; i <= select.size(); i++) {
                    row.add(rs.getString(i));
                }
                rows.add(row);
            }
        }
        return rows;
    }

    private static Map<String, String> values(List<String> columns, List<String> values) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < columns.size(); i++) {
            if (values.get(i) != null) {
                m.put(columns.get(i), values.get(i));
            }
        }
        return m;
    }

    private static Hit hit(PersonalRelation r, List<String> row, String match, Map<String, String> values) {
        String file = null;
        String sheet = null;
        Long number = null;
        List<String> lineage = r.lineage();
        if (lineage.size() == 3) {
            file = row.get(0);
            sheet = row.get(1);
            number = row.get(2) == null ? null : Long.valueOf(row.get(2));
        } else if (lineage.size() == 2) {
            file = "load " + row.get(0);
            number = row.get(1) == null ? null : Long.valueOf(row.get(1));
        } else if (lineage.size() == 1) {
            file = "load " + row.get(0);
        }
        return new Hit("warehouse", r.qualified(), file, sheet, number, match, values);
    }
}
