package io.salesbi.bench.night;

import io.salesbi.pipeline.cli.SalesbiCommand;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs one night as the steward does, {@code salesbi run}, in a JVM of its own with this JVM's memory settings, and
 * samples its peak resident set size (VmHWM) while it runs: the bench's own generator and baseline do not count.
 */
public final class NightProcess {

    private static final long SAMPLE_MILLIS = 50;

    /** How the night process ended, its peak RSS in bytes (-1 if it could not be read) and its output file. */
    public record Outcome(int exitCode, long peakRssBytes, Path output) {}

    private NightProcess() {}

    public static Outcome run(Path home, LocalDate asOf, boolean full) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        for (String argument : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
            if (argument.startsWith("-X") || argument.startsWith("-D")) {
                command.add(argument);
            }
        }
        command.addAll(List.of(
                "-cp",
                System.getProperty("java.class.path"),
                SalesbiCommand.class.getName(),
                "run",
                "--home",
                home.toString(),
                "--as-of",
                asOf.toString()));
        if (full) {
            command.add("--full");
        }
        Path output = home.resolve("logs").resolve(full ? "bench-full-night.out" : "bench-incremental-night.out");
        Files.createDirectories(output.getParent());
        Process process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(output.toFile())
                .start();
        Path status = Path.of("/proc", Long.toString(process.pid()), "status");
        long peak = -1;
        while (process.isAlive()) {
            peak = Math.max(peak, PeakMemory.highWaterMark(status));
            Thread.sleep(SAMPLE_MILLIS);
        }
        return new Outcome(process.waitFor(), peak, output);
    }
}
