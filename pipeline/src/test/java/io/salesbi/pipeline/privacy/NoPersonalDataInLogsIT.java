package io.salesbi.pipeline.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.classic.util.ContextInitializer;
import ch.qos.logback.core.read.ListAppender;
import io.salesbi.generator.DemoDataGenerator;
import io.salesbi.generator.GeneratorSettings;
import io.salesbi.pipeline.cli.SalesbiCommand;
import io.salesbi.pipeline.config.SettingsLoader;
import io.salesbi.pipeline.warehouse.Warehouse;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * Logs never print personal values (#21 item 5): a small night run with {@code --verbose} (every salesbi line down to
 * DEBUG, libraries at INFO), every log event captured, and the night's log file, hold none of the e-mail addresses,
 * phone numbers or contact names the night loaded. Rows are referred to by file, sheet and row number.
 */
class NoPersonalDataInLogsIT {

    private static final LocalDate AS_OF = LocalDate.of(2026, 1, 15);

    @TempDir
    Path tmp;

    private final ListAppender<ILoggingEvent> captured = new ListAppender<>();

    @AfterEach
    void restoreLogging() throws Exception {
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        context.reset();
        new ContextInitializer(context).autoConfig();
    }

    @Test
    void aVerboseNightLogsNoContactsEmailPhoneOrName() throws Exception {
        Path home = tmp.resolve("site");
        new DemoDataGenerator(new GeneratorSettings(0.02, 11, home, AS_OF)).generate();
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        captured.setContext(context);
        captured.start();
        context.getLogger(Logger.ROOT_LOGGER_NAME).addAppender(captured);
        StringWriter console = new StringWriter();
        var cli = SalesbiCommand.commandLine();
        cli.setOut(new PrintWriter(console));
        cli.setErr(new PrintWriter(console));

        int code = cli.execute("--verbose", "run", "--home", home.toString(), "--as-of", AS_OF.toString());

        context.getLogger(Logger.ROOT_LOGGER_NAME).detachAppender(captured);
        assertThat(code).as(console.toString()).isIn(0, 4);
        Set<String> personal = personalValues(home);
        assertThat(personal).as("the fixture's contacts").hasSizeGreaterThan(100);
        StringBuilder logged = new StringBuilder(console.toString());
        for (ILoggingEvent e : captured.list) {
            logged.append(e.getFormattedMessage()).append('\n');
            if (e.getThrowableProxy() != null) {
                logged.append(ThrowableProxyUtil.asString(e.getThrowableProxy()))
                        .append('\n');
            }
        }
        assertThat(captured.list.stream().filter(e -> e.getLevel().toInt() <= ch.qos.logback.classic.Level.DEBUG_INT))
                .as("verbose logging reached DEBUG")
                .isNotEmpty();
        try (Stream<Path> logs = Files.list(home.resolve("logs"))) {
            for (Path log : logs.toList()) {
                logged.append(Files.readString(log));
            }
        }
        String text = logged.toString().toLowerCase(Locale.ROOT);
        List<String> leaked = personal.stream().filter(text::contains).toList();
        assertThat(leaked).as("personal values in the logs").isEmpty();
    }

    /** E-mails, phones and full names of the contacts and reps' list entries the night loaded, lower case. */
    private static Set<String> personalValues(Path home) throws Exception {
        Set<String> values = new TreeSet<>();
        try (Connection conn =
                        Warehouse.openReadOnly(SettingsLoader.defaults(home).warehouse());
                Statement st = conn.createStatement()) {
            for (String sql : List.of(
                    "select email, phone, first_name || ' ' || last_name from raw.crm_contact",
                    "select email, phone, contact_person from raw.sales_rep_customer",
                    "select raw_value, null, null from quarantine.rejected_row where column_name in "
                            + "('email', 'phone', 'contact_person', 'first_name', 'last_name')")) {
                try (ResultSet rs = st.executeQuery(sql)) {
                    while (rs.next()) {
                        for (int i = 1; i <= 3; i++) {
                            String v = rs.getString(i);
                            // short values (a two-letter name) would match inside ordinary words
                            if (v != null && v.strip().length() >= 6) {
                                values.add(v.strip().toLowerCase(Locale.ROOT));
                            }
                        }
                    }
                }
            }
        }
        return values;
    }
}
