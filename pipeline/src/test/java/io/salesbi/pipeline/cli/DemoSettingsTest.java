package io.salesbi.pipeline.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.networknt.schema.InputFormat;
import io.salesbi.pipeline.config.SettingsLoader;
import io.salesbi.pipeline.config.SettingsSchemaTest;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DemoSettingsTest {

    @TempDir
    Path home;

    @Test
    void theDemosSalesbiYamlNamesItsSchemaAndGivesExactlyTheDefaults() throws Exception {
        Path file = DemoCommand.writeSettings(home);

        String yaml = Files.readString(file);
        assertThat(yaml).startsWith("# yaml-language-server: $schema=schema/salesbi.schema.json\n");
        assertThat(home.resolve("schema/salesbi.schema.json")).hasSameTextualContentAs(SettingsSchemaTest.SCHEMA);
        assertThat(home.resolve("schema/mapping.schema.json"))
                .hasSameTextualContentAs(Path.of("../docs/schema/mapping.schema.json"));
        assertThat(SettingsSchemaTest.schema().validate(yaml, InputFormat.YAML)).isEmpty();
        // the demo runs with exactly the defaults, so that its KPIs stay what they were
        assertThat(SettingsLoader.load(file, home)).isEqualTo(SettingsLoader.defaults(home));
    }
}
