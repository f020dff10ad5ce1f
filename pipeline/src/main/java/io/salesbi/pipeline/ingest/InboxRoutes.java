package io.salesbi.pipeline.ingest;

import io.salesbi.connectors.mapping.SourceMapping;
import io.salesbi.pipeline.ingest.FileLoadResult.Status;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;

import java.io.File;
import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * One Camel file route per inbox folder. A file is taken only once it has stopped changing (still being written
 * otherwise), handed to the {@link FileIngestor}, then moved to {@code archive/<source>/} when loaded (or skipped as
 * already loaded) and to {@code error/<source>/} beside a {@code .reason.txt} when it failed. A failing file never
 * blocks the others: each file is its own exchange.
 */
final class InboxRoutes extends RouteBuilder {

    static final String FAILED_HEADER = "salesbiLoadFailed";

    /** Written beside a failed file in the error folder; a route never takes one, nor a hidden file. */
    private static final String REASON_SUFFIX = ".reason.txt";

    private final InboxSettings settings;
    private final Map<String, List<SourceMapping>> mappingsByInbox;
    private final FileIngestor ingestor;
    private final InboxProgress progress;

    InboxRoutes(InboxSettings settings, Map<String, List<SourceMapping>> mappingsByInbox, FileIngestor ingestor,
                InboxProgress progress) {
        this.settings = settings;
        this.mappingsByInbox = mappingsByInbox;
        this.ingestor = ingestor;
        this.progress = progress;
    }

    @Override
    public void configure() {
        // the file's failure is already logged once, with its cause, by the FileIngestor
        errorHandler(defaultErrorHandler().logExhausted(false).logStackTrace(false).logRetryAttempted(false));
        for (String inbox : mappingsByInbox.keySet()) {
            from(inboxUri(inbox))
                    .routeId(routeId(inbox))
                    .autoStartup(false)
                    .process(exchange -> handle(inbox, exchange))
                    .filter(header(FAILED_HEADER).isEqualTo(true))
                    .throwException(new FileLoadFailedException("file load failed; see the reason file"));
        }
    }

    /**
     * Whether the folder holds a file its route would take (directly in it, not hidden, not a reason file, as the
     * route's antExclude says); creates the folder if missing, as the route would.
     */
    static boolean holdsFiles(Path folder) throws IOException {
        Files.createDirectories(folder);
        try (Stream<Path> entries = Files.list(folder)) {
            return entries.anyMatch(entry -> Files.isRegularFile(entry) && !entry.getFileName().toString().startsWith(".")
                    && !entry.getFileName().toString().endsWith(REASON_SUFFIX));
        }
    }

    static String routeId(String inbox) {
        return inbox + "InboxRoute";
    }

    private String inboxUri(String inbox) {
        long settle = settings.fileSettleMillis();
        String archive = slashes(settings.archive().resolve(inbox));
        String error = slashes(settings.error().resolve(inbox));
        return "file:" + slashes(settings.inbox().resolve(inbox))
                + "?autoCreate=true&sortBy=file:name&sendEmptyMessageWhenIdle=true"
                + "&initialDelay=0&delay=25&maxMessagesPerPoll=0&antExclude=**/*" + REASON_SUFFIX + ",**/.*"
                + "&readLock=changed&readLockMinAge=" + settle + "&readLockCheckInterval=" + Math.max(50, settle / 4)
                + "&readLockTimeout=" + Math.max(2000, settle * 4) + "&readLockLoggingLevel=DEBUG"
                + "&move=" + archive + "/${date:now:yyyyMMdd-HHmmss}_${file:name}"
                + "&moveFailed=" + error + "/${file:name}";
    }

    private static String slashes(Path p) {
        return p.toAbsolutePath().toString().replace(File.separatorChar, '/');
    }

    private void handle(String inbox, Exchange exchange) throws IOException, java.sql.SQLException {
        File file = exchange.getIn().getBody(File.class);
        if (file == null) {
            progress.idle(inbox);
            return;
        }
        Path path = file.toPath();
        progress.busy(inbox);
        List<SourceMapping> mappings = mappingsFor(inbox, path.getFileName().toString());
        List<FileLoadResult> results = new ArrayList<>();
        if (mappings.isEmpty()) {
            results.add(ingestor.recordUnmapped(path, inbox, "No mapping takes the file name '" + path.getFileName()
                    + "' in inbox '" + inbox + "'; expected one of " + patterns(inbox)));
        }
        // one file may feed several targets (order lines, and debtors and products from the same rows): each
        // mapping loads it in a transaction of its own, and the file moves on once all have taken it
        for (SourceMapping mapping : mappings) {
            results.add(ingestor.ingest(path, mapping));
        }
        List<FileLoadResult> failed = new ArrayList<>();
        for (FileLoadResult result : results) {
            progress.record(result);
            if (result.status() == Status.FAILED) {
                failed.add(result);
            }
        }
        if (!failed.isEmpty()) {
            writeReasonFile(inbox, failed);
            exchange.getIn().setHeader(FAILED_HEADER, true);
        }
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
        return mappingsByInbox.get(inbox).stream().map(SourceMapping::filePattern).toList();
    }

    private void writeReasonFile(String inbox, List<FileLoadResult> failed) throws IOException {
        Path dir = settings.error().resolve(inbox);
        Files.createDirectories(dir);
        StringBuilder text = new StringBuilder();
        for (FileLoadResult r : failed) {
            text.append(text.isEmpty() ? "" : "\n")
                    .append("File:    ").append(r.fileName()).append('\n')
                    .append("Source:  ").append(r.source()).append('\n')
                    .append("SHA-256: ").append(r.fileHash()).append('\n')
                    .append("Reason:  ").append(r.reasonCode()).append("\n\n")
                    .append(r.message()).append('\n');
        }
        Files.writeString(dir.resolve(failed.get(0).fileName() + REASON_SUFFIX), text.toString());
    }

    /** Marks the exchange failed so that Camel moves the file to the error folder. */
    static final class FileLoadFailedException extends RuntimeException {
        FileLoadFailedException(String message) {
            super(message, null, false, false);
        }
    }
}
