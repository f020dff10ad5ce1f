package io.salesbi.connectors.read;

import io.salesbi.connectors.mapping.MappingLoader;
import io.salesbi.connectors.mapping.SourceMapping;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;

/** Builds mappings for tests from YAML text, the way users write them. */
final class Mappings {

    private Mappings() {}

    static SourceMapping of(String yaml) {
        return MappingLoader.parse("test.yaml", new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)));
    }
}
