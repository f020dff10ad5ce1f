package io.salesbi.pipeline.config;

import java.util.List;

/** The configuration has problems; each is one sentence naming the file, the key and what is expected. */
public final class InvalidSettingsException extends Exception {

    private final List<String> problems;

    public InvalidSettingsException(List<String> problems) {
        super(String.join("\n", problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
