package io.salesbi.pipeline.config;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import io.salesbi.connectors.yaml.RecordSchemas;
import io.salesbi.dashboards.DashboardPages;
import io.salesbi.pipeline.warehouse.Warehouse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code docs/schema/salesbi.schema.json}, which editors use to complete and check {@code salesbi.yaml}, says what
 * {@link SettingsFile} binds, lists exactly the KPI parameters the SQL layer declares, and accepts the
 * {@code salesbi.yaml} the README shows.
 */
public class SettingsSchemaTest {

    public static final Path SCHEMA = Path.of("../docs/schema/salesbi.schema.json");
    /** Parameters every night sets itself; a salesbi.yaml has no say in them. */
    private static final Set<String> NIGHT_PARAMETERS = Set.of("as-of-date", "run-id", "full-rebuild");

    @TempDir
    Path dir;

    @Test
    void theSchemaHasTheKeysOfTheRecords() throws Exception {
        JsonNode schema = new ObjectMapper().readTree(SCHEMA.toFile());
        JsonNode p = schema.path("properties");

        assertThat(RecordSchemas.differences(SettingsFile.class, schema)).isEmpty();
        assertThat(RecordSchemas.differences(SettingsFile.Match.class, p.path("match")))
                .isEmpty();
        assertThat(RecordSchemas.differences(SettingsFile.Server.class, p.path("server")))
                .isEmpty();
        assertThat(RecordSchemas.differences(
                        SettingsFile.User.class, p.at("/server/properties/users/additionalProperties")))
                .isEmpty();
        assertThat(RecordSchemas.differences(SettingsFile.Alerts.class, p.path("alerts")))
                .isEmpty();
        assertThat(RecordSchemas.differences(SettingsFile.Email.class, p.at("/alerts/properties/email")))
                .isEmpty();
        assertThat(RecordSchemas.differences(SettingsFile.Subscriptions.class, p.path("subscriptions")))
                .isEmpty();
        assertThat(RecordSchemas.differences(
                        SettingsFile.Subscription.class,
                        p.at("/server/properties/users/additionalProperties/properties/subscription")))
                .isEmpty();
    }

    @Test
    void theSchemaListsThePagesANightRenders() throws Exception {
        JsonNode pages = new ObjectMapper()
                .readTree(SCHEMA.toFile())
                .at("/properties/server/properties/users/additionalProperties/properties/subscription/properties/pages"
                        + "/oneOf/1/items/enum");
        List<String> listed = new ArrayList<>();
        pages.forEach(page -> listed.add(page.asText()));

        List<String> expected = new ArrayList<>(List.of(SettingsLoader.ALL_PAGES));
        expected.addAll(DashboardPages.keys());
        assertThat(listed).isEqualTo(expected);
    }

    @Test
    void theSchemaListsTheKpiParametersTheSqlLayerDeclares() throws Exception {
        Set<String> listed = new TreeSet<>();
        new ObjectMapper()
                .readTree(SCHEMA.toFile())
                .at("/properties/kpi/properties")
                .fieldNames()
                .forEachRemaining(listed::add);

        Set<String> declared = new TreeSet<>();
        try (Warehouse warehouse = Warehouse.open(dir.resolve("w.duckdb"));
                Connection conn = warehouse.connect();
                Statement st = conn.createStatement();
                ResultSet rs = st.executeQuery("select name from ops.parameter_default")) {
            while (rs.next()) {
                declared.add(rs.getString(1).replace('_', '-'));
            }
        }
        declared.removeAll(NIGHT_PARAMETERS);

        assertThat(listed).isEqualTo(declared);
    }

    @Test
    void theReadmesSalesbiYamlPassesTheSchemaAndTheLoader() throws Exception {
        Matcher block = Pattern.compile("`salesbi.yaml` \\(all keys optional\\):\\s*```yaml\\n(.*?)```", Pattern.DOTALL)
                .matcher(Files.readString(Path.of("../README.md")));
        assertThat(block.find()).isTrue();
        String yaml = block.group(1);
        Files.createDirectories(dir.resolve("mappings"));
        Path config = Files.writeString(dir.resolve("salesbi.yaml"), yaml);

        assertThat(schema().validate(yaml, InputFormat.YAML)).isEmpty();
        assertThat(SettingsLoader.load(config, null).kpi()).containsEntry("cost_per_visit_eur", "450");
    }

    @Test
    void theSchemaFindsWhatTheLoaderRejects() throws Exception {
        String broken = """
                inbx: ./inbox
                locale: fr
                kpi:
                  cost-per-vist-eur: 500
                server:
                  port: "8080"
                """;

        assertThat(schema().validate(broken, InputFormat.YAML))
                .extracting(e -> e.getKeyword() + " " + e.getInstanceLocation()
                        + (e.getProperty() == null ? "" : "/" + e.getProperty()))
                .containsExactlyInAnyOrder(
                        "additionalProperties /inbx",
                        "enum /locale",
                        "additionalProperties /kpi/cost-per-vist-eur",
                        "type /server/port");
    }

    /** The published schema, for tests of the files salesbi writes. */
    public static Schema schema() throws Exception {
        return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
                .getSchema(Files.readString(SCHEMA), InputFormat.JSON);
    }
}
