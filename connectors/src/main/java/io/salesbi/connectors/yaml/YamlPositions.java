package io.salesbi.connectors.yaml;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;

/**
 * The line and column of every key and list entry of a YAML document, by JSON pointer ({@code /fields/3/type}), so
 * that a problem found after binding (a Bean Validation violation, a cross-field rule) can name the place to fix.
 * A bound record forgets where its values came from; the streaming parser knows.
 */
final class YamlPositions {

    /** Line and column, both 1-based; 0 when unknown. */
    record Position(int line, int column) {

        static final Position UNKNOWN = new Position(0, 0);

        @Override
        public String toString() {
            return line + ":" + column;
        }
    }

    private final Map<String, Position> positions;

    private YamlPositions(Map<String, Position> positions) {
        this.positions = positions;
    }

    static YamlPositions of(String yaml) {
        Map<String, Position> positions = new HashMap<>();
        try (JsonParser parser = new YAMLFactory().createParser(yaml)) {
            for (JsonToken token; (token = parser.nextToken()) != null; ) {
                if (token == JsonToken.FIELD_NAME || token.isStructStart() || token.isScalarValue()) {
                    JsonLocation at = parser.currentTokenLocation();
                    // a key's own position comes first and wins over its value's
                    positions.putIfAbsent(
                            parser.getParsingContext().pathAsPointer().toString(),
                            new Position(at.getLineNr(), at.getColumnNr()));
                }
            }
        } catch (IOException e) {
            // a document the binder reads anyway reports its syntax error; positions are a help, never a reason to fail
        }
        return new YamlPositions(positions);
    }

    /** The position of the key at {@code pointer}, else of its nearest parent (a missing key: its mapping). */
    Position at(String pointer) {
        for (String p = pointer; ; p = p.substring(0, p.lastIndexOf('/'))) {
            Position position = positions.get(p);
            if (position != null) {
                return position;
            }
            if (p.isEmpty()) {
                return Position.UNKNOWN;
            }
        }
    }
}
