package io.salesbi.pipeline.cli;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.LoggingEvent;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.spi.FilterReply;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The application's own {@code logback.xml} (not the tests' logback-test.xml), loaded into a fresh context: what
 * reaches the terminal by default and with {@code --verbose}.
 */
class QuietConsoleTest {

    private static final String FLYWAY = "org.flywaydb.core.internal.command.DbMigrate";
    private static final String CAMEL = "org.apache.camel.impl.engine.AbstractCamelContext";
    private static final String JETTY = "org.eclipse.jetty.server.Server";
    private static final String CALCITE = "org.apache.calcite.avatica.remote.Driver";
    private static final String STEP_SUMMARY = "io.salesbi.pipeline.job.StepRunRecorder";
    private static final String PER_FILE = "io.salesbi.pipeline.ingest.FileIngestor";
    private static final String PER_SCRIPT = "io.salesbi.sql.SqlScripts";

    private final LoggerContext context = new LoggerContext();
    private Appender<ILoggingEvent> console;

    @BeforeEach
    void loadTheApplicationsLogbackXml() throws Exception {
        JoranConfigurator configurator = new JoranConfigurator();
        configurator.setContext(context);
        configurator.doConfigure(QuietConsoleFilter.class.getResource("/logback.xml"));
        console = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME).getAppender("CONSOLE");
        assertThat(console).as("logback.xml's CONSOLE appender").isNotNull();
    }

    @Test
    void byDefaultLibrariesAreAtWarnAndTheirInfoNeverReachesTheTerminal() {
        for (String library : new String[] {FLYWAY, CAMEL, JETTY, CALCITE, "org.springframework.batch.core.Job"}) {
            assertThat(context.getLogger(library).isInfoEnabled()).as(library).isFalse();
            assertThat(shown(library, Level.INFO)).as(library + " INFO").isFalse();
            assertThat(shown(library, Level.WARN)).as(library + " WARN").isTrue();
        }
    }

    @Test
    void byDefaultTheTerminalShowsStepSummariesButNotPerFileDetail() {
        assertThat(shown(STEP_SUMMARY, Level.INFO)).isTrue();
        assertThat(shown("io.salesbi.server.JdbcServer", Level.INFO)).isTrue();
        assertThat(shown(PER_FILE, Level.INFO)).isFalse();
        assertThat(shown(PER_SCRIPT, Level.INFO)).isFalse();
        assertThat(shown(PER_FILE, Level.WARN))
                .as("a file's warning still shows")
                .isTrue();
        assertThat(context.getLogger(PER_FILE).isInfoEnabled())
                .as("detail still reaches the night's log file")
                .isTrue();
    }

    @Test
    void verboseShowsLibrariesAtInfoAndEveryLine() {
        Verbosity.verbose(context);

        for (String library : new String[] {FLYWAY, CAMEL, JETTY, CALCITE}) {
            assertThat(context.getLogger(library).isInfoEnabled()).as(library).isTrue();
            assertThat(shown(library, Level.INFO)).as(library + " INFO").isTrue();
        }
        assertThat(shown(PER_FILE, Level.INFO)).isTrue();
        assertThat(context.getLogger(PER_SCRIPT).isDebugEnabled()).isTrue();
    }

    /** Whether the logger lets the event through (its level) and the terminal's filter passes it. */
    private boolean shown(String logger, Level level) {
        ch.qos.logback.classic.Logger l = context.getLogger(logger);
        if (!l.isEnabledFor(level)) {
            return false;
        }
        LoggingEvent event = new LoggingEvent(QuietConsoleTest.class.getName(), l, level, "a line", null, null);
        return console.getFilterChainDecision(event) != FilterReply.DENY;
    }
}
