package io.salesbi.connectors.mapping;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The bundled mappings must load into the raw tables of the Flyway migration: every target table exists, every field
 * is one of its columns in the table's order, and the field types fit the column types.
 */
class BundledMappingsTest {

    /** The versioned migrations: the baseline holds the raw tables, later ones may add tables or columns. */
    private static final Path MIGRATIONS = Path.of("../sql/src/main/resources/db/migration");

    private static final Pattern TABLE = Pattern.compile("create table (raw\\.\\w+) \\((.*?)\\);", Pattern.DOTALL);
    private static final Pattern ADD_COLUMN = Pattern.compile("alter table (raw\\.\\w+) add column (\\w+) ([^;]+);");

    /**
     * Columns a raw table has beyond its bundled mapping's fields, at its end: optional fields other mappings fill
     * (an own export's line total, master data carried on every order line).
     */
    private static final Map<String, List<String>> OPTIONAL_COLUMNS = Map.of(
            "raw.erp_order_line",
            List.of(
                    "line_amount",
                    "customer_name",
                    "customer_street",
                    "customer_postcode",
                    "customer_city",
                    "customer_country",
                    "customer_industry",
                    "customer_region",
                    "product_name",
                    "product_category"));

    @Test
    void oneMappingPerInboxFileType() {
        assertThat(MappingLoader.loadBundled())
                .extracting(SourceMapping::name)
                .containsExactly(
                        "crm_accounts",
                        "crm_contacts",
                        "crm_activities",
                        "crm_opportunities",
                        "erp_debtors",
                        "erp_products",
                        "erp_order_lines",
                        "erp_credit_notes",
                        "erp_fx_rates",
                        "sales_rep_lists",
                        "market_study",
                        "channel_costs",
                        "service_drivers",
                        "survey",
                        "crm_opportunity_history",
                        "sales_plan");
    }

    @Test
    void fieldsAreTheRawTableColumnsWithCompatibleTypes() throws IOException {
        Map<String, Map<String, String>> tables = rawTables();

        for (SourceMapping mapping : MappingLoader.loadBundled()) {
            Map<String, String> columns = tables.get(mapping.target());
            assertThat(columns).as("raw table of %s", mapping.name()).isNotNull();
            List<String> dataColumns = new ArrayList<>(
                    columns.keySet().stream().filter(c -> !c.startsWith("_")).toList());
            List<String> optional = OPTIONAL_COLUMNS.getOrDefault(mapping.target(), List.of());
            assertThat(dataColumns)
                    .as("optional columns at the end of %s", mapping.target())
                    .endsWith(optional.toArray(String[]::new));
            dataColumns.removeAll(optional);
            assertThat(mapping.fieldNames()).as("fields of %s", mapping.name()).isEqualTo(dataColumns);
            for (FieldMapping field : mapping.fields()) {
                assertThat(sqlTypeFits(field.type(), columns.get(field.field())))
                        .as(
                                "%s.%s: %s into %s",
                                mapping.name(), field.field(), field.type(), columns.get(field.field()))
                        .isTrue();
            }
        }
    }

    private static boolean sqlTypeFits(FieldType type, String sqlType) {
        return switch (type) {
            case STRING -> sqlType.equals("varchar");
            case INTEGER -> sqlType.equals("integer") || sqlType.equals("bigint");
            case DECIMAL, PERCENT -> sqlType.startsWith("decimal");
            case DATE -> sqlType.equals("date");
            case TIMESTAMP -> sqlType.equals("timestamp");
            case BOOLEAN -> sqlType.equals("boolean");
        };
    }

    /** The raw tables and their columns in order after every versioned migration, applied in version order. */
    private static Map<String, Map<String, String>> rawTables() throws IOException {
        List<Path> migrations;
        try (Stream<Path> files = Files.list(MIGRATIONS)) {
            migrations = files.filter(p -> p.getFileName().toString().matches("V\\d+__.*\\.sql"))
                    .sorted(Comparator.comparingInt(BundledMappingsTest::version))
                    .toList();
        }
        assertThat(migrations).as("versioned migrations in %s", MIGRATIONS).isNotEmpty();
        Map<String, Map<String, String>> tables = new LinkedHashMap<>();
        for (Path migration : migrations) {
            String sql = Files.readString(migration).replaceAll("--[^\n]*", "");
            tables.putAll(rawTables(sql));
            Matcher added = ADD_COLUMN.matcher(sql);
            while (added.find()) {
                tables.get(added.group(1))
                        .put(
                                added.group(2),
                                added.group(3).replaceAll(" default .*", "").trim());
            }
        }
        return tables;
    }

    private static int version(Path migration) {
        String name = migration.getFileName().toString();
        return Integer.parseInt(name.substring(1, name.indexOf("__")));
    }

    private static Map<String, Map<String, String>> rawTables(String sql) {
        Map<String, Map<String, String>> tables = new LinkedHashMap<>();
        Matcher table = TABLE.matcher(sql);
        while (table.find()) {
            Map<String, String> columns = new LinkedHashMap<>();
            for (String column : table.group(2).split(",(?![^(]*\\))")) {
                String[] parts = column.trim().split("\\s+", 2);
                columns.put(parts[0], parts[1].replace(" not null", "").trim());
            }
            tables.put(table.group(1), columns);
        }
        return tables;
    }
}
