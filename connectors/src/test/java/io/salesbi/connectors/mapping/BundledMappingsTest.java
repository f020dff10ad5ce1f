package io.salesbi.connectors.mapping;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The bundled mappings must load into the raw tables of the Flyway migrations: for every target table a migration
 * creates, every field is one of its columns in the table's order, and the field types fit the column types. A target
 * no migration creates is owned by its mapping, and the warehouse makes it from the mapping ({@link MappedRawTable}).
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

    /** The bundled mapping files as the source tree holds them. */
    private static final Path BUNDLED = Path.of("src/main/resources/mappings");

    /** The sources of the baseline stay bundled; a new one is added by its file alone (not listed here). */
    @Test
    void theBaselineSourcesAreBundled() {
        assertThat(MappingLoader.loadBundled())
                .extracting(SourceMapping::name)
                .contains(
                        "channel_costs",
                        "crm_accounts",
                        "crm_activities",
                        "crm_contacts",
                        "crm_opportunities",
                        "crm_opportunity_history",
                        "erp_credit_notes",
                        "erp_debtors",
                        "erp_fx_rates",
                        "erp_order_lines",
                        "erp_products",
                        "market_study",
                        "sales_plan",
                        "sales_rep_lists",
                        "service_drivers",
                        "survey");
    }

    /**
     * CONTRIBUTING.md's recipe for a bundled source: its mapping file is found by listing the folder, named after the
     * file, and no Java file of any module lists the bundled mappings (a list there is a file more to touch).
     */
    @Test
    void aMappingFileInTheFolderIsBundledWithoutAnyJavaChange() throws IOException {
        List<String> files;
        try (Stream<Path> listed = Files.list(BUNDLED)) {
            files = listed.map(f -> f.getFileName().toString())
                    .filter(n -> n.endsWith(".yaml"))
                    .sorted()
                    .toList();
        }
        assertThat(MappingLoader.loadBundled())
                .extracting(m -> m.name() + ".yaml")
                .containsExactlyElementsOf(files);

        List<String> listing = new ArrayList<>();
        List<Path> javaFiles;
        try (Stream<Path> modules = Files.list(Path.of(".."))) {
            javaFiles = modules.map(module -> module.resolve("src/main/java"))
                    .filter(Files::isDirectory)
                    .flatMap(BundledMappingsTest::javaFilesBelow)
                    .toList();
        }
        assertThat(javaFiles)
                .contains(Path.of("../connectors/src/main/java/io/salesbi/connectors/mapping/MappingLoader.java"));
        for (Path source : javaFiles) {
            String java = Files.readString(source);
            files.stream()
                    .filter(file -> java.contains("\"" + file + "\""))
                    .forEach(file -> listing.add(source + " names " + file));
        }
        assertThat(listing).isEmpty();
    }

    @Test
    void bundledFilesAreListedFromAFolderAndFromAJar(@TempDir Path dir) throws Exception {
        Path folder = Files.createDirectories(dir.resolve("classes/mappings/nested"));
        Files.writeString(folder.resolveSibling("b_from_folder.yaml"), "name: b");
        Files.writeString(folder.resolveSibling("README.md"), "not a mapping");
        Files.writeString(folder.resolve("deeper.yaml"), "not in the folder itself");
        Path jar = dir.resolve("more.jar");
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
            for (String entry :
                    List.of("mappings/", "mappings/a_from_jar.yaml", "mappings/sub/c.yaml", "other/d.yaml")) {
                out.putNextEntry(new JarEntry(entry));
                if (!entry.endsWith("/")) {
                    out.write("name: x".getBytes(StandardCharsets.UTF_8));
                }
                out.closeEntry();
            }
        }

        try (URLClassLoader loader = new URLClassLoader(
                new URL[] {dir.resolve("classes").toUri().toURL(), jar.toUri().toURL()}, null)) {
            assertThat(MappingLoader.bundledFiles(loader)).containsExactly("a_from_jar.yaml", "b_from_folder.yaml");
        }
    }

    @Test
    void fieldsAreTheRawTableColumnsWithCompatibleTypes() throws IOException {
        Map<String, Map<String, String>> tables = rawTables();

        for (SourceMapping mapping : MappingLoader.loadBundled()) {
            Map<String, String> columns = tables.get(mapping.target());
            if (columns == null) {
                // no migration creates it: the mapping owns its table, which the warehouse makes from it
                assertThat(MappedRawTable.of(mapping).columns())
                        .extracting(MappedRawTable.Column::name)
                        .endsWith(mapping.targetFields().stream()
                                .map(FieldMapping::field)
                                .toArray(String[]::new));
                continue;
            }
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

    private static Stream<Path> javaFilesBelow(Path folder) {
        try (Stream<Path> files = Files.walk(folder)) {
            return files.filter(f -> f.toString().endsWith(".java")).toList().stream();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
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
