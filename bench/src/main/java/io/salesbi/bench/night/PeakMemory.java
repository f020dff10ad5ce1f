package io.salesbi.bench.night;

import java.nio.file.Files;
import java.nio.file.Path;

/** Peak resident set size (VmHWM from /proc/PID/status on Linux; -1 elsewhere or once the process is gone). */
public final class PeakMemory {

    private PeakMemory() {}

    public static long peakRssBytes() {
        return highWaterMark(Path.of("/proc/self/status"));
    }

    public static long highWaterMark(Path status) {
        try {
            for (String line : Files.readAllLines(status)) {
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
