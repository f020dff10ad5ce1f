package io.salesbi.match.golden;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The golden record's "which source gave which attribute" stays valid JSON whatever a source key holds. */
class GoldenSourcesJsonTest {

    @Test
    void controlCharactersQuotesAndBackslashesInASourceKeyGiveValidJsonThatReadsBackUnchanged() throws Exception {
        Map<String, String> sources = new LinkedHashMap<>();
        sources.put("company_name", "crm:A-1\t\"Müller\"\\");
        sources.put("street", "erp:0815\u0001\n");

        String json = GoldenRecordBuilder.json(sources);
        JsonNode read = new ObjectMapper().readTree(json);

        assertThat(read.get("company_name").asText()).isEqualTo("crm:A-1\t\"Müller\"\\");
        assertThat(read.get("street").asText()).isEqualTo("erp:0815\u0001\n");
        assertThat(json).startsWith("{\"company_name\":").doesNotContain("\u0001");
    }
}
