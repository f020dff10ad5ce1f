package io.salesbi.sql;

import java.util.Collections;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The row policy ({@link RowPolicy}) of every warehouse relation a restricted role may be shown, declared in one
 * place beside the views: the {@code -- Policy:} line of each KPI view's header in the {@code R__kpi_*.sql}
 * migrations, and {@value #CORE_POLICIES} for the {@code core} relations (tables of versioned migrations cannot take
 * a header line). A relation without a policy has none: the JDBC endpoint hides it from restricted roles and
 * refuses to start while one is visible to them.
 */
public final class RowPolicies {

    /** The declaration file of the core relations, one {@code schema.relation: policy} a line, {@code #} comments. */
    public static final String CORE_POLICIES = KpiDocs.MIGRATIONS + "/core.policy";

    private final Map<String, RowPolicy> byRelation;

    private RowPolicies(Map<String, RowPolicy> byRelation) {
        this.byRelation = Collections.unmodifiableMap(new TreeMap<>(byRelation));
    }

    /** The policies of the migrated warehouse: KPI view headers and {@value #CORE_POLICIES} from the classpath. */
    public static RowPolicies warehouse() {
        Map<String, RowPolicy> policies = new TreeMap<>();
        for (KpiHeader header : KpiDocs.headers()) {
            declare(
                    policies,
                    header.view(),
                    RowPolicy.parse(
                            header.fields().get(KpiHeader.POLICY), header.script() + ": header of " + header.view()),
                    header.script());
        }
        parseInto(policies, CORE_POLICIES, ClasspathScripts.read(CORE_POLICIES));
        return new RowPolicies(policies);
    }

    /** Policies from a declaration file's text ({@code schema.relation: policy} lines); {@code source} names it in errors. */
    public static RowPolicies parse(String source, String text) {
        Map<String, RowPolicy> policies = new TreeMap<>();
        parseInto(policies, source, text);
        return new RowPolicies(policies);
    }

    /** The policy of {@code schema.relation}, matched case-insensitively. */
    public Optional<RowPolicy> of(String schema, String relation) {
        return Optional.ofNullable(byRelation.get(key(schema + "." + relation)));
    }

    /** Every declared policy by qualified relation name, sorted. */
    public Map<String, RowPolicy> declared() {
        return byRelation;
    }

    private static void parseInto(Map<String, RowPolicy> policies, String source, String text) {
        int lineNo = 0;
        for (String line : text.lines().toList()) {
            lineNo++;
            String trimmed = line.strip();
            if (trimmed.isEmpty() || trimmed.startsWith("#")) {
                continue;
            }
            int colon = trimmed.indexOf(':');
            String relation = colon > 0 ? trimmed.substring(0, colon).strip() : "";
            if (!relation.matches("[A-Za-z_][A-Za-z0-9_]*\\.[A-Za-z_][A-Za-z0-9_]*")) {
                throw new IllegalArgumentException(
                        "%s:%d: expected '<schema>.<relation>: <policy>', was: %s".formatted(source, lineNo, trimmed));
            }
            String where = source + ":" + lineNo;
            declare(policies, relation, RowPolicy.parse(trimmed.substring(colon + 1), where), where);
        }
    }

    private static void declare(Map<String, RowPolicy> policies, String relation, RowPolicy policy, String where) {
        if (policies.putIfAbsent(key(relation), policy) != null) {
            throw new IllegalArgumentException(where + ": " + relation + " has a second row policy; declare it once");
        }
    }

    private static String key(String relation) {
        return relation.toLowerCase(Locale.ROOT);
    }
}
