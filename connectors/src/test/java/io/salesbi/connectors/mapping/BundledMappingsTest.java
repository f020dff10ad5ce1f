package io.salesbi.connectors.mapping;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The bundled mappings must load into the raw tables of the Flyway migration: every target table exists, every field
 * is one of its columns in the table's order, and the field types fit the column types.
 */
class BundledMappingsTest {

    /** V1 holds the raw tables of the first sources; later migrations add the raw tables of new sources. */
    private static final List<Path> RAW_MIGRATIONS = List.of(
            Path.of("../sql/src/main/resources/db/migration/V1__raw_and_operations.sql"),
            Path.of("../sql/src/main/resources/db/migration/V30__survey.sql"),
            Path.of("../sql/src/main/resources/db/migration/V61__sales_pipeline.sql"));
    private static final Pattern TABLE = Pattern.compile("create table (raw\\.\\w+) \\((.*?)\\);", Pattern.DOTALL);
    /** A column a later migration adds to a raw table of an earlier one (V61: the opportunity snapshot's columns). */
    private static final Pattern ADDED_COLUMN = Pattern.compile("alter table (raw\\.\\w+) add column (\\w+) ([^;]+);");

    @Test
    void oneMappingPerInboxFileType() {
        assertThat(MappingLoader.loadBundled()).extracting(SourceMapping::name).containsExactly(
                "crm_accounts", "crm_contacts", "crm_activities", "crm_opportunities", "erp_debtors", "erp_products",
                "erp_order_lines", "erp_credit_notes", "erp_fx_rates", "sales_rep_lists", "market_study",
                "channel_costs", "service_drivers", "survey", "crm_opportunity_history");
    }

    @Test
    void fieldsAreTheRawTableColumnsWithCompatibleTypes() throws IOException {
        Map<String, Map<String, String>> tables = rawTables();

        for (SourceMapping mapping : MappingLoader.loadBundled()) {
            Map<String, String> columns = tables.get(mapping.target());
            assertThat(columns).as("raw table of %s", mapping.name()).isNotNull();
            List<String> dataColumns = columns.keySet().stream().filter(c -> !c.startsWith("_")).toList();
            assertThat(mapping.fieldNames()).as("fields of %s", mapping.name()).isEqualTo(dataColumns);
            for (FieldMapping field : mapping.fields()) {
                assertThat(sqlTypeFits(field.type(), columns.get(field.field())))
                        .as("%s.%s: %s into %s", mapping.name(), field.field(), field.type(), columns.get(field.field()))
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

    private static Map<String, Map<String, String>> rawTables() throws IOException {
        Map<String, Map<String, String>> tables = new LinkedHashMap<>();
        for (Path migration : RAW_MIGRATIONS) {
            String sql = Files.readString(migration).replaceAll("--[^\n]*", "");
            tables.putAll(rawTables(sql));
            Matcher added = ADDED_COLUMN.matcher(sql);
            while (added.find()) {
                tables.get(added.group(1)).put(added.group(2), added.group(3).trim());
            }
        }
        return tables;
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
