package io.salesbi.connectors.mapping;

import java.util.List;

/**
 * A mapping file that cannot be used, with every problem found in it, each as one line
 * {@code file:line: problem}, so that whoever edits it fixes them all in one go.
 */
public final class MappingException extends IllegalArgumentException {

    private final String origin;
    private final List<String> problems;
    private final String inbox;
    private final String filePattern;

    public MappingException(String origin, List<String> problems) {
        this(origin, problems, null, null);
    }

    /**
     * @param inbox       the inbox the broken mapping names, when it could be read; null otherwise
     * @param filePattern the file pattern it names, when it could be read: its files wait for a fixed mapping
     */
    public MappingException(String origin, List<String> problems, String inbox, String filePattern) {
        super(String.join("\n", problems));
        this.origin = origin;
        this.problems = List.copyOf(problems);
        this.inbox = inbox;
        this.filePattern = filePattern;
    }

    /** The inbox of the broken mapping, or null when the file does not say (readably). */
    public String inbox() {
        return inbox;
    }

    /** The file pattern of the broken mapping, or null when the file does not say (readably). */
    public String filePattern() {
        return filePattern;
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
