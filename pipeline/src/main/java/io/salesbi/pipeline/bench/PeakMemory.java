package io.salesbi.pipeline.bench;

import java.nio.file.Files;
import java.nio.file.Path;

/** The process's peak resident set size so far (VmHWM from /proc/self/status on Linux; -1 elsewhere). */
final class PeakMemory {

    private PeakMemory() {
    }

    static long peakRssBytes() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmHWM:")) {
                    return Long.parseLong(line.replaceAll("\\D", "")) * 1024;
                }
            }
        } catch (Exception e) {
            return -1;
        }
        return -1;
    }
}
