package io.salesbi.pipeline.ingest;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.apache.camel.component.file.GenericFile;
import org.apache.camel.component.file.GenericFileFilter;

/**
 * Which files of an inbox folder a route takes, said once for the route's filter and for the empty-folder check.
 * Not taken: hidden files, the reason files of earlier failures, files a sender is still writing under a temporary
 * name ({@code *.tmp}, {@code *.part}: taken once renamed), Camel's own lock files and ready markers; with a ready
 * marker configured, a file only once its marker ({@code orders.csv.done} beside {@code orders.csv}) is there.
 * A file is handed out at most once per drain, so that one left in the folder (it changed while it was loaded)
 * waits for the next night instead of being taken again and again.
 */
final class InboxFiles implements GenericFileFilter<File> {

    /** Written beside a failed file in the error folder. */
    static final String REASON_SUFFIX = ".reason.txt";

    private static final List<String> NOT_YET_COMPLETE = List.of(".tmp", ".part", ".camelLock");

    private final String readyMarker;
    private final Set<Path> handedOut = ConcurrentHashMap.newKeySet();

    /** @param readyMarker the marker suffix such as {@code .done}, or null when files are taken without one */
    InboxFiles(String readyMarker) {
        this.readyMarker = readyMarker;
    }

    @Override
    public boolean accept(GenericFile<File> file) {
        Path path = Path.of(file.getAbsoluteFilePath()).normalize();
        return !file.isDirectory() && takes(path) && !handedOut.contains(path);
    }

    /** Remembers that the route took {@code file} in this drain. */
    void handOut(Path file) {
        handedOut.add(file.toAbsolutePath().normalize());
    }

    /** Whether {@code file} is one the route takes (leaving aside whether it still changes). */
    boolean takes(Path file) {
        String name = file.getFileName().toString();
        if (name.startsWith(".")
                || name.endsWith(REASON_SUFFIX)
                || isMarker(name)
                || NOT_YET_COMPLETE.stream()
                        .anyMatch(suffix -> name.regionMatches(
                                true, name.length() - suffix.length(), suffix, 0, suffix.length()))) {
            return false;
        }
        return readyMarker == null || Files.isRegularFile(markerOf(file));
    }

    /** The marker that says {@code file} is complete; null when no marker is configured. */
    Path markerOf(Path file) {
        return readyMarker == null ? null : file.resolveSibling(file.getFileName() + readyMarker);
    }

    /**
     * Whether the folder holds a file its route would take (directly in it); creates the folder if missing, as the
     * route would.
     */
    boolean holdsFiles(Path folder) throws IOException {
        Files.createDirectories(folder);
        try (Stream<Path> entries = Files.list(folder)) {
            return entries.anyMatch(entry -> Files.isRegularFile(entry) && takes(entry));
        }
    }

    private boolean isMarker(String name) {
        return readyMarker != null && name.endsWith(readyMarker);
    }
}
