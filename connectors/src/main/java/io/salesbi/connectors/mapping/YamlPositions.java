package io.salesbi.connectors.mapping;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import java.io.IOException;
import java.util.HashMap;
import java.util.Map;

/**
 * The line of every key and list entry of a YAML document, by JSON pointer ({@code /fields/3/type}), so that an
 * error found in the parsed tree can name the line to fix. Jackson's tree forgets where a node came from; its
 * streaming parser knows.
 */
final class YamlPositions {

    private final Map<String, Integer> lines;

    private YamlPositions(Map<String, Integer> lines) {
        this.lines = lines;
    }

    static YamlPositions of(String yaml) {
        Map<String, Integer> lines = new HashMap<>();
        try (JsonParser parser = new YAMLFactory().createParser(yaml)) {
            for (JsonToken token; (token = parser.nextToken()) != null; ) {
                if (token == JsonToken.FIELD_NAME || token.isStructStart() || token.isScalarValue()) {
                    String pointer = token == JsonToken.FIELD_NAME
                            ? parser.getParsingContext().pathAsPointer().toString()
                            : parser.getParsingContext().pathAsPointer().toString();
                    lines.putIfAbsent(pointer, parser.currentTokenLocation().getLineNr());
                }
            }
        } catch (IOException e) {
            // a document the tree reader accepted; positions are a help, never a reason to fail
        }
        return new YamlPositions(lines);
    }

    /** The line of the key at {@code pointer}, else of its nearest parent; 0 when unknown. */
    int line(String pointer) {
        for (String p = pointer; ; p = p.substring(0, p.lastIndexOf('/'))) {
            Integer line = lines.get(p);
            if (line != null) {
                return line;
            }
            if (p.isEmpty()) {
                return 0;
            }
        }
    }
}
