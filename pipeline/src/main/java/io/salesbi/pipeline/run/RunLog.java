package io.salesbi.pipeline.run;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.JsonEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.FileAppender;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A structured log file per night (one JSON object per line, logback's JsonEncoder) under {@code logs/}: the same
 * events the terminal shows, kept for the steward who reads the night the morning after.
 */
final class RunLog implements AutoCloseable {

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

    private final FileAppender<ILoggingEvent> appender;
    private final ch.qos.logback.classic.Logger root;
    private final Path file;

    private RunLog(FileAppender<ILoggingEvent> appender, ch.qos.logback.classic.Logger root, Path file) {
        this.appender = appender;
        this.root = root;
        this.file = file;
    }

    /** Starts writing {@code logsDir/night-<timestamp>.jsonl}; a no-op when logback is not the SLF4J binding. */
    static RunLog open(Path logsDir) {
        if (!(LoggerFactory.getILoggerFactory() instanceof LoggerContext context)) {
            return new RunLog(null, null, null);
        }
        Path file = logsDir.resolve("night-" + LocalDateTime.now().format(STAMP) + ".jsonl");
        JsonEncoder encoder = new JsonEncoder();
        encoder.setContext(context);
        encoder.setWithFormattedMessage(true);
        encoder.setWithMessage(false);
        encoder.setWithArguments(false);
        encoder.start();
        FileAppender<ILoggingEvent> appender = new FileAppender<>();
        appender.setContext(context);
        appender.setName("salesbi-run-log");
        appender.setFile(file.toString());
        appender.setEncoder(encoder);
        appender.start();
        ch.qos.logback.classic.Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        root.addAppender(appender);
        return new RunLog(appender, root, file);
    }

    Path file() {
        return file;
    }

    @Override
    public void close() {
        if (appender != null) {
            root.detachAppender(appender);
            appender.stop();
        }
    }
}
