package io.salesbi.pipeline.cli;

import io.salesbi.pipeline.config.InvalidSettingsException;
import io.salesbi.pipeline.config.SalesbiSettings;
import io.salesbi.pipeline.config.SettingsLoader;
import picocli.CommandLine.Option;

import java.nio.file.Files;
import java.nio.file.Path;

/** Where the installation lives: {@code --config salesbi.yaml} and/or {@code --home DIR}. */
final class HomeOptions {

    @Option(names = "--config", paramLabel = "FILE",
            description = "Configuration file (default: salesbi.yaml in the home folder, if present).")
    Path config;

    @Option(names = "--home", paramLabel = "DIR",
            description = "Installation folder holding inbox/, archive/, error/, warehouse/, dashboards/ (default: current folder).")
    Path home;

    SalesbiSettings settings() throws InvalidSettingsException {
        Path file = config;
        if (file == null) {
            Path candidate = (home != null ? home : Path.of("")).resolve("salesbi.yaml");
            file = Files.isRegularFile(candidate) ? candidate : null;
        } else if (!Files.isRegularFile(file)) {
            throw new SalesbiCommand.UsageException("configuration file " + file + " does not exist");
        }
        return SettingsLoader.load(file, home);
    }
}
