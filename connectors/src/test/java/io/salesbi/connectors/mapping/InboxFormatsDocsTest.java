package io.salesbi.connectors.mapping;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * docs/inbox-formats.md describes every bundled source from its mapping file: the generated part is what
 * {@link MappingDocs} makes of the mappings today. Regenerate after changing a mapping with
 * {@code ./mvnw -B -q -pl connectors test -Dtest=InboxFormatsDocsTest -Dinboxdocs.update=true}.
 */
class InboxFormatsDocsTest {

    private static final Path DOCS = Path.of("..", "docs", "inbox-formats.md");

    @Test
    void theGeneratedPartIsWhatTheMappingsSay() throws Exception {
        String committed = Files.readString(DOCS, StandardCharsets.UTF_8);
        String generated = MappingDocs.replaceGenerated(committed);
        if (Boolean.getBoolean("inboxdocs.update")) {
            Files.writeString(DOCS, generated, StandardCharsets.UTF_8);
            committed = generated;
        }
        assertThat(committed)
                .as("docs/inbox-formats.md differs from the bundled mappings; regenerate it with ./mvnw -B -q -pl"
                        + " connectors test -Dtest=InboxFormatsDocsTest -Dinboxdocs.update=true")
                .isEqualTo(generated);
    }

    @Test
    void everyBundledMappingHasItsSection() {
        String rendered = MappingDocs.render();
        for (SourceMapping mapping : MappingLoader.loadBundled()) {
            assertThat(rendered).contains("](../connectors/src/main/resources/mappings/" + mapping.name() + ".yaml)");
        }
    }

    @Test
    void aMappingsDescriptionIsItsLeadingCommentWithoutTheSchemaLine() {
        assertThat(MappingDocs.description("""
                # yaml-language-server: $schema=../../../../../docs/schema/mapping.schema.json
                # Price lists per channel
                # from product management.
                name: x
                # not this one
                """)).isEqualTo("Price lists per channel from product management.");
    }
}
