package io.salesbi.pipeline.cli;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.Appender;
import java.util.Iterator;
import org.slf4j.LoggerFactory;

/**
 * {@code salesbi --verbose}: libraries back to INFO (salesbi's own loggers to DEBUG) and the terminal shows every
 * line, for reporting a problem. Without it {@code logback.xml} keeps libraries at WARN and {@link QuietConsoleFilter}
 * keeps the terminal to warnings and step summaries.
 */
final class Verbosity {

    private static final String OWN_LOGGERS = "io.salesbi";

    private Verbosity() {}

    /** Applies {@code --verbose} to the running logback configuration; a no-op when logback is not the binding. */
    static void verbose() {
        if (LoggerFactory.getILoggerFactory() instanceof LoggerContext context) {
            verbose(context);
        }
    }

    static void verbose(LoggerContext context) {
        for (Logger logger : context.getLoggerList()) {
            if (logger.getLevel() != null
                    && logger.getLevel().isGreaterOrEqual(Level.WARN)
                    && !logger.getName().startsWith(OWN_LOGGERS)) {
                logger.setLevel(Level.INFO);
            }
        }
        context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME).setLevel(Level.INFO);
        context.getLogger(OWN_LOGGERS).setLevel(Level.DEBUG);
        Iterator<Appender<ILoggingEvent>> appenders =
                context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME).iteratorForAppenders();
        while (appenders.hasNext()) {
            appenders.next().getCopyOfAttachedFiltersList().stream()
                    .filter(QuietConsoleFilter.class::isInstance)
                    .forEach(f -> ((QuietConsoleFilter) f).setVerbose(true));
        }
    }
}
