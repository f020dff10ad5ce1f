package io.salesbi.connectors.mapping;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import io.salesbi.connectors.yaml.RecordSchemas;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * {@code docs/schema/mapping.schema.json}, which editors use to complete and check mapping files, says what
 * {@link MappingFile} binds: the same keys, required keys and types; and every mapping file the project ships passes
 * both the schema and the loader, and names the schema in its first line.
 */
class MappingSchemaTest {

    static final Path SCHEMA = Path.of("../docs/schema/mapping.schema.json");
    private static final List<Path> SHIPPED =
            List.of(Path.of("../mappings/examples"), Path.of("src/main/resources/mappings"));

    @Test
    void theSchemaHasTheKeysOfTheRecords() throws IOException {
        JsonNode schema = new ObjectMapper().readTree(SCHEMA.toFile());

        assertThat(RecordSchemas.differences(MappingFile.class, schema)).isEmpty();
        assertThat(RecordSchemas.differences(MappingFile.Field.class, schema.at("/$defs/field")))
                .isEmpty();
        assertThat(RecordSchemas.differences(MappingFile.Input.class, schema.at("/$defs/input")))
                .isEmpty();
    }

    @Test
    void everyShippedMappingPassesTheSchemaAndTheLoaderAndNamesTheSchema() throws IOException {
        Schema schema = schema();
        List<Path> files = shippedMappings();
        assertThat(files).hasSizeGreaterThanOrEqualTo(23);

        for (Path file : files) {
            String yaml = Files.readString(file);
            assertThat(schema.validate(yaml, InputFormat.YAML))
                    .as("%s against the schema", file)
                    .isEmpty();
            assertThat(MappingLoader.load(file)).as("%s loaded", file).isNotNull();
            Path named = file.getParent()
                    .resolve(yaml.lines().findFirst().orElseThrow().replace("# yaml-language-server: $schema=", ""));
            assertThat(named).as("%s names the schema in its first line", file).exists();
            assertThat(Files.isSameFile(named, SCHEMA))
                    .as("%s names %s", file, named)
                    .isTrue();
        }
    }

    @Test
    void theSchemaFindsWhatTheLoaderRejects() throws IOException {
        // given a misspelled key, a wrong type and a field without type
        String broken = """
                name: orders
                inbox: erp
                file-patern: "orders*.csv"
                target: raw.erp_order_line
                header-row: first
                fields:
                  - { column: Beleg, field: document_no }
                """;

        List<Error> errors = schema().validate(broken, InputFormat.YAML);

        assertThat(errors)
                .extracting(MappingSchemaTest::where)
                .containsExactlyInAnyOrder(
                        "required /file-pattern",
                        "additionalProperties /file-patern",
                        "type /header-row",
                        "required /fields/0/type");
    }

    /** The keyword that failed and the key it failed at (a missing or unknown key: that key). */
    static String where(Error e) {
        return e.getKeyword() + " " + e.getInstanceLocation() + (e.getProperty() == null ? "" : "/" + e.getProperty());
    }

    static Schema schema() throws IOException {
        return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
                .getSchema(Files.readString(SCHEMA), InputFormat.JSON);
    }

    private static List<Path> shippedMappings() throws IOException {
        List<Path> files = new java.util.ArrayList<>();
        for (Path folder : SHIPPED) {
            try (Stream<Path> walk = Files.walk(folder)) {
                walk.filter(f -> f.toString().endsWith(".yaml")).sorted().forEach(files::add);
            }
        }
        return files;
    }
}
