package io.salesbi.pipeline.cli;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.filter.Filter;
import ch.qos.logback.core.spi.FilterReply;
import java.util.ArrayList;
import java.util.List;

/**
 * Keeps the terminal to what a user acts on: everybody's warnings and errors, and salesbi's own INFO lines except
 * the per-file and per-script detail (named by logger prefix in {@code logback.xml}). Library INFO lines never reach
 * the terminal. The night's log file ({@code logs/night-*.jsonl}) is a separate appender and still gets every line;
 * {@code --verbose} switches this filter off ({@link Verbosity}).
 */
public final class QuietConsoleFilter extends Filter<ILoggingEvent> {

    private static final String OWN_PREFIX = "io.salesbi.";

    private final List<String> detailPrefixes = new ArrayList<>();
    private volatile boolean verbose;

    /** A logger name, or a package prefix, whose INFO lines are detail for the log file rather than the terminal. */
    public void addDetail(String loggerPrefix) {
        detailPrefixes.add(loggerPrefix.strip());
    }

    void setVerbose(boolean verbose) {
        this.verbose = verbose;
    }

    @Override
    public FilterReply decide(ILoggingEvent event) {
        if (verbose || event.getLevel().isGreaterOrEqual(Level.WARN)) {
            return FilterReply.NEUTRAL;
        }
        String logger = event.getLoggerName();
        if (!logger.startsWith(OWN_PREFIX)) {
            return FilterReply.DENY;
        }
        for (String detail : detailPrefixes) {
            if (logger.startsWith(detail)) {
                return FilterReply.DENY;
            }
        }
        return FilterReply.NEUTRAL;
    }
}
