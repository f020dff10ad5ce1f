package io.salesbi.pipeline.ingest;

import io.salesbi.connectors.mapping.SourceMapping;
import io.salesbi.pipeline.ingest.FileLoadResult.Status;
import io.salesbi.pipeline.privacy.SuppressedRowsScrub;
import io.salesbi.pipeline.privacy.Suppression;
import java.io.File;
import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.nio.file.StandardCopyOption;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.file.FileEndpoint;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One Camel file route per inbox folder. A file is taken only once it has stopped changing (still being written
 * otherwise) and, where the installation asks for one, once its ready marker is there ({@link InboxFiles} says
 * which files a route takes). It is handed to the {@link FileIngestor} and, when it is still the file that was
 * loaded, moved to {@code archive/<source>/} when loaded (or skipped as already loaded) and to {@code error/<source>/}
 * beside a {@code .reason.txt} when it failed. A file that changed while or after it was loaded stays in the inbox
 * for the next night. The routes move files themselves (Camel's {@code noop}), because only they know whether the
 * file is still the one loaded. A failing file never blocks the others: each file is its own exchange.
 */
final class InboxRoutes extends RouteBuilder {

    private static final Logger log = LoggerFactory.getLogger(InboxRoutes.class);
    private static final DateTimeFormatter ARCHIVE_STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

    private final InboxSettings settings;
    private final Map<String, List<SourceMapping>> mappingsByInbox;
    private final FileIngestor ingestor;
    private final InboxProgress progress;
    private final InboxFiles files;

    InboxRoutes(
            InboxSettings settings,
            Map<String, List<SourceMapping>> mappingsByInbox,
            FileIngestor ingestor,
            InboxProgress progress) {
        this.settings = settings;
        this.mappingsByInbox = mappingsByInbox;
        this.ingestor = ingestor;
        this.progress = progress;
        this.files = new InboxFiles(settings.readyMarker());
    }

    @Override
    public void configure() {
        // a file's failure is logged once, with its cause, by the FileIngestor or by handle()
        errorHandler(
                defaultErrorHandler().logExhausted(false).logStackTrace(false).logRetryAttempted(false));
        for (String inbox : mappingsByInbox.keySet()) {
            removeOrphanLocks(settings.inbox().resolve(inbox));
            FileEndpoint endpoint = getContext().getEndpoint(inboxUri(inbox), FileEndpoint.class);
            endpoint.setFilter(files);
            from(endpoint).routeId(routeId(inbox)).autoStartup(false).process(exchange -> handle(inbox, exchange));
        }
    }

    /**
     * Removes the read-lock marker files ({@code NAME.camelLock}) a killed night left behind: only the process that owns
     * the warehouse reads the inbox, so a marker present before its routes start belongs to no one, and left there it
     * would stay in the inbox for ever after its file was archived.
     */
    static void removeOrphanLocks(Path folder) {
        if (!Files.isDirectory(folder)) {
            return;
        }
        try (var entries = Files.list(folder)) {
            for (Path lock : entries.filter(p -> p.getFileName().toString().endsWith(".camelLock"))
                    .toList()) {
                Files.deleteIfExists(lock);
                log.info("Removed {}, left by a night that was stopped while reading its file", lock.getFileName());
            }
        } catch (IOException e) {
            log.warn("Could not remove orphan read locks in {}: {}", folder, e.getMessage());
        }
    }

    /** Whether the folder holds a file its route would take; creates the folder if missing, as the route would. */
    static boolean holdsFiles(Path folder, InboxSettings settings) throws IOException {
        return new InboxFiles(settings.readyMarker()).holdsFiles(folder);
    }

    static String routeId(String inbox) {
        return inbox + "InboxRoute";
    }

    private String inboxUri(String inbox) {
        long settle = settings.fileSettleMillis();
        return "file:" + slashes(settings.inbox().resolve(inbox))
                + "?autoCreate=true&sortBy=file:name&sendEmptyMessageWhenIdle=true"
                + "&initialDelay=0&delay=25&maxMessagesPerPoll=0&noop=true&idempotent=false"
                + "&readLock=changed&readLockMinAge=" + settle + "&readLockCheckInterval=" + Math.max(50, settle / 4)
                + "&readLockTimeout=" + Math.max(2000, settle * 4) + "&readLockLoggingLevel=DEBUG";
    }

    private static String slashes(Path p) {
        return p.toAbsolutePath().toString().replace(File.separatorChar, '/');
    }

    private void handle(String inbox, Exchange exchange) throws Exception {
        File file = exchange.getIn().getBody(File.class);
        if (file == null) {
            progress.idle(inbox);
            return;
        }
        Path path = file.toPath();
        files.handOut(path);
        progress.busy(inbox);
        try {
            List<SourceMapping> mappings = mappingsFor(inbox, path.getFileName().toString());
            List<FileLoadResult> results = new ArrayList<>();
            if (mappings.isEmpty()) {
                results.add(ingestor.recordUnmapped(
                        path,
                        inbox,
                        "No mapping takes the file name '" + path.getFileName() + "' in inbox '" + inbox
                                + "'; expected one of " + patterns(inbox)));
            }
            // one file may feed several targets (order lines, and debtors and products from the same rows): each
            // mapping loads it in a transaction of its own, and the file moves on once all have taken it
            for (SourceMapping mapping : mappings) {
                FileLoadResult result = ingestor.ingest(path, mapping);
                results.add(result);
                if (FileIngestor.FILE_CHANGED.equals(result.reasonCode())) {
                    break;
                }
            }
            results.forEach(progress::record);
            moveOn(inbox, path, results);
        } catch (Exception e) {
            log.error("{} could not be handled and stays in the inbox for the next night: {}", path, e.toString(), e);
            throw e;
        }
    }

    /**
     * Moves the file to the archive or, beside its reason file, to the error folder (when any mapping failed it),
     * unless it is no longer the file that was loaded: then it stays in the inbox and the next night loads what it
     * holds by then.
     */
    private void moveOn(String inbox, Path file, List<FileLoadResult> results) throws IOException {
        if (results.stream().anyMatch(r -> FileIngestor.FILE_CHANGED.equals(r.reasonCode()))) {
            return;
        }
        FileLoadResult first = results.get(0);
        String now = FileIngestor.sha256(file);
        if (!now.equals(first.fileHash())) {
            log.warn(
                    "{} changed after it was taken (load {}, {}; sha-256 was {}…, is now {}…); it stays in the "
                            + "inbox and the next night loads what it holds then",
                    file.getFileName(),
                    first.loadId(),
                    first.status(),
                    first.fileHash().substring(0, 12),
                    now.substring(0, 12));
            return;
        }
        Path marker = files.markerOf(file);
        List<FileLoadResult> failed =
                results.stream().filter(r -> r.status() == Status.FAILED).toList();
        Path kept;
        if (!failed.isEmpty()) {
            writeReasonFile(inbox, failed);
            kept = settings.error().resolve(inbox).resolve(file.getFileName().toString());
        } else {
            kept = settings.archive()
                    .resolve(inbox)
                    .resolve(LocalDateTime.now().format(ARCHIVE_STAMP) + "_" + file.getFileName());
        }
        move(file, kept);
        // an erased person delivered again stays out of the kept copy too (the load was not, or only partly, made)
        Suppression suppression = ingestor.suppressionList();
        if (!suppression.isEmpty()
                && results.stream().anyMatch(r -> r.rowsSuppressed() > 0 || r.status() != Status.LOADED)) {
            int blanked = SuppressedRowsScrub.scrub(kept, suppression);
            if (blanked > 0) {
                log.info("{}: {} rows of erased people blanked in the kept copy", file.getFileName(), blanked);
            }
        }
        if (marker != null) {
            Files.deleteIfExists(marker);
        }
    }

    private static void move(Path file, Path target) throws IOException {
        Files.createDirectories(target.getParent());
        Files.move(file, target, StandardCopyOption.REPLACE_EXISTING);
    }

    /** Every mapping of the inbox whose file pattern takes the file name, in mapping order. */
    private List<SourceMapping> mappingsFor(String inbox, String fileName) {
        List<SourceMapping> taking = new ArrayList<>();
        for (SourceMapping m : mappingsByInbox.get(inbox)) {
            PathMatcher matcher = FileSystems.getDefault().getPathMatcher("glob:" + m.filePattern());
            if (matcher.matches(Path.of(fileName))) {
                taking.add(m);
            }
        }
        return taking;
    }

    private List<String> patterns(String inbox) {
        return mappingsByInbox.get(inbox).stream()
                .map(SourceMapping::filePattern)
                .toList();
    }

    private void writeReasonFile(String inbox, List<FileLoadResult> failed) throws IOException {
        Path dir = settings.error().resolve(inbox);
        Files.createDirectories(dir);
        StringBuilder text = new StringBuilder();
        for (FileLoadResult r : failed) {
            text.append(text.isEmpty() ? "" : "\n")
                    .append("File:    ")
                    .append(r.fileName())
                    .append('\n')
                    .append("Source:  ")
                    .append(r.source())
                    .append('\n')
                    .append("SHA-256: ")
                    .append(r.fileHash())
                    .append('\n')
                    .append("Reason:  ")
                    .append(r.reasonCode())
                    .append("\n\n")
                    .append(r.message())
                    .append('\n');
        }
        Files.writeString(dir.resolve(failed.get(0).fileName() + InboxFiles.REASON_SUFFIX), text.toString());
    }
}
