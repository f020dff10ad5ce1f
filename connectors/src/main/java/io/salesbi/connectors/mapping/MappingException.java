package io.salesbi.connectors.mapping;

import java.util.List;

/**
 * A mapping file that cannot be used, with every problem found in it, each as one line
 * {@code file:line: problem}, so that whoever edits it fixes them all in one go.
 */
public final class MappingException extends IllegalArgumentException {

    private final String origin;
    private final List<String> problems;

    public MappingException(String origin, List<String> problems) {
        super(String.join("\n", problems));
        this.origin = origin;
        this.problems = List.copyOf(problems);
    }

    /** The mapping file, as named in the problems. */
    public String origin() {
        return origin;
    }

    /** One line per problem: {@code file:line: problem}. */
    public List<String> problems() {
        return problems;
    }
}
