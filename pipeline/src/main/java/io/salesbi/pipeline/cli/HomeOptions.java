package io.salesbi.pipeline.cli;

import io.salesbi.pipeline.config.InvalidSettingsException;
import io.salesbi.pipeline.config.SalesbiSettings;
import io.salesbi.pipeline.config.SettingsLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** Where the installation lives: {@code --config salesbi.yaml} and/or {@code --home DIR}. */
final class HomeOptions {

    @Option(
            names = "--config",
            paramLabel = "FILE",
            description = "Configuration file (default: salesbi.yaml in the home folder, if present).")
    Path config;

    @Option(
            names = "--home",
            paramLabel = "DIR",
            description =
                    "Installation folder holding inbox/, archive/, error/, warehouse/, dashboards/ (default: current folder).")
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

    /**
     * The warehouse file of the installation, which must exist: every command that only reads a warehouse calls this,
     * so that a wrong folder gives one line naming where it looked and exit code 2 instead of a new, empty warehouse
     * and empty pages. Only {@code run} and {@code demo} create a warehouse.
     */
    Path existingWarehouse(SalesbiSettings settings) {
        Path warehouse = settings.warehouse().toAbsolutePath().normalize();
        if (!Files.isRegularFile(warehouse)) {
            String because = config != null
                    ? "warehouse of " + config.toAbsolutePath().normalize()
                    : home != null
                            ? "warehouse of --home " + home.toAbsolutePath().normalize()
                            : Files.isRegularFile(Path.of("salesbi.yaml"))
                                    ? "warehouse of ./salesbi.yaml"
                                    : "no --home or --config given, so the current folder "
                                            + Path.of("").toAbsolutePath() + " is the installation";
            throw new SalesbiCommand.UsageException("there is no warehouse at " + warehouse + " (" + because
                    + "); 'salesbi run' or 'salesbi demo' creates one, or give the installation with --home DIR "
                    + "or --config FILE");
        }
        return warehouse;
    }
}
