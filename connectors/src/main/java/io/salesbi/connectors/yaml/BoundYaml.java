package io.salesbi.connectors.yaml;

import io.salesbi.connectors.yaml.YamlPositions.Position;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * A YAML file bound to a record, with every problem found in it: those of binding (unknown key, wrong type),
 * of Bean Validation, and those a caller adds for rules that span keys or need more than the file. Each problem reads
 * {@code file:line:column: key 'path' …} and names the value found and what was expected; {@link #problems()} lists
 * them in the order of the file.
 *
 * @param <T> the record the file binds to
 */
public final class BoundYaml<T> {

    private record Problem(Position at, String text) {}

    private final String origin;
    private final YamlPositions positions;
    private final List<Problem> problems = new ArrayList<>();
    private final List<String> brokenPointers = new ArrayList<>();
    private T value;

    BoundYaml(String origin, YamlPositions positions) {
        this.origin = origin;
        this.positions = positions;
    }

    /** The bound record; null when the file could not be bound at all (not YAML, not a mapping). */
    public T value() {
        return value;
    }

    void value(T value) {
        this.value = value;
    }

    /** Adds a problem at the key {@code pointer} ({@code /fields/3/type}; a missing key: its parent's place). */
    public void problem(String pointer, String text) {
        problems.add(new Problem(positions.at(pointer), text));
    }

    /** Adds a problem at a known line and column (a syntax error the parser reports). */
    void problemAt(int line, int column, String text) {
        problems.add(new Problem(new Position(line, column), text));
    }

    /** A binding problem: the value at {@code pointer} is null in the record, so validation says nothing more there. */
    void bindingProblem(String pointer, String text) {
        brokenPointers.add(pointer);
        problem(pointer, text);
    }

    /** Whether binding already reported the value at {@code pointer} or one of its parents. */
    boolean broken(String pointer) {
        return brokenPointers.stream().anyMatch(b -> pointer.equals(b) || pointer.startsWith(b + "/"));
    }

    public boolean hasProblems() {
        return !problems.isEmpty();
    }

    /** {@code file:line:column} of the key at {@code pointer}. */
    public String location(String pointer) {
        return origin + ":" + positions.at(pointer);
    }

    /** The file, as named in the problems. */
    public String origin() {
        return origin;
    }

    /** One line per problem, {@code file:line:column: problem}, in the order of the file. */
    public List<String> problems() {
        return problems.stream()
                .sorted(Comparator.comparingInt((Problem p) -> p.at().line()).thenComparingInt(p -> p.at().column()))
                .map(p -> origin + ":" + p.at() + ": " + p.text())
                .toList();
    }

    /** A JSON pointer as a reader writes the key: {@code /fields/3/type} is {@code fields[3].type}. */
    public static String keyPath(String pointer) {
        StringBuilder path = new StringBuilder();
        for (String segment :
                pointer.isEmpty() ? new String[0] : pointer.substring(1).split("/", -1)) {
            String key = segment.replace("~1", "/").replace("~0", "~");
            if (key.matches("\\d+") && !path.isEmpty()) {
                path.append('[').append(key).append(']');
            } else {
                path.append(path.isEmpty() ? "" : ".").append(key);
            }
        }
        return path.toString();
    }
}
