package io.salesbi.sql;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What each KPI view is, in one sentence or two: the {@code What:} field of its header in the
 * {@code R__kpi_*.sql} migrations ({@link KpiHeader}), by {@code kpi.view_name}. The JDBC endpoint reports it as the
 * view's REMARKS, which BI tools show beside the table list.
 */
public final class KpiDescriptions {

    private static final Map<String, String> WAREHOUSE = load();

    private KpiDescriptions() {}

    /** The descriptions of the views the migrations create, by qualified lower-case name. */
    public static Map<String, String> warehouse() {
        return WAREHOUSE;
    }

    private static Map<String, String> load() {
        Map<String, String> descriptions = new LinkedHashMap<>();
        for (KpiHeader header : KpiDocs.headers()) {
            String what = header.fields().get("What");
            if (what != null && !what.isBlank()) {
                descriptions.put(header.view(), what.strip());
            }
        }
        return Map.copyOf(descriptions);
    }
}
