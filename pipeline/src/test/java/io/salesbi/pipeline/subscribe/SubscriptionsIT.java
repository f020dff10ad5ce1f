package io.salesbi.pipeline.subscribe;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import io.salesbi.dashboards.DashboardPages;
import io.salesbi.generator.DemoDataGenerator;
import io.salesbi.generator.GeneratorSettings;
import io.salesbi.pipeline.cli.SalesbiCommand;
import io.salesbi.pipeline.config.SalesbiSettings;
import io.salesbi.pipeline.config.SettingsLoader;
import io.salesbi.pipeline.run.NightlyRun;
import io.salesbi.pipeline.run.NightlyRun.RunResult;
import io.salesbi.pipeline.subscribe.DeliveryLog.Delivery;
import io.salesbi.pipeline.subscribe.DeliveryLog.Status;
import io.salesbi.pipeline.subscribe.SubscriptionDispatcher.Check;
import io.salesbi.pipeline.warehouse.Warehouse;
import io.salesbi.server.PasswordHasher;
import jakarta.mail.Address;
import jakarta.mail.BodyPart;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.batch.core.BatchStatus;

/**
 * A demo night (scale 0.02) is published; the subscribers configured in salesbi.yaml are mailed through an embedded
 * SMTP server (GreenMail): each exactly once, with their pages attached or linked, a regional manager not at all, and
 * nothing again on a second check or after a restart. A mail that fails is tried again after the configured wait and
 * reported to the stewards when the last try fails.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SubscriptionsIT {

    private static final LocalDate AS_OF = LocalDate.of(2026, 1, 15);

    private Path home;

    private Warehouse warehouse;
    private GreenMail smtp;
    private long runId;

    @BeforeAll
    void publishANight(@TempDir Path dir) throws Exception {
        home = dir;
        new DemoDataGenerator(new GeneratorSettings(0.02, 5, home, AS_OF)).generate();
        // a regional manager for Nord, so that the night renders Nord's page set (regions/nord/)
        Path nightConfig = Files.writeString(home.resolve("night.yaml"), """
                server:
                  users:
                    rita:
                      password-hash: h3
                      roles: [regional_manager]
                      regions: [Nord]
                """);
        SalesbiSettings nightSettings = SettingsLoader.load(nightConfig, home);
        warehouse = Warehouse.open(nightSettings.warehouse());
        RunResult night = new NightlyRun(nightSettings, warehouse).execute(AS_OF, true);
        assertThat(night.status()).as(night.failure()).isEqualTo(BatchStatus.COMPLETED);
        runId = night.runId();
        smtp = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
    }

    @AfterAll
    void stop() throws Exception {
        if (smtp != null) {
            smtp.stop();
        }
        if (warehouse != null) {
            warehouse.close();
        }
    }

    @Test
    void eachSubscriberReceivesTheNightOnceAndARestartDoesNotMailItAgain() throws Exception {
        // given two subscribers who see every region, a regional manager and a user without a subscription
        SalesbiSettings settings = settings("published", smtp.getSmtp().getPort(), """
                    anna:
                      password-hash: h1
                      roles: [analyst]
                      subscription:
                        email: anna@example.com
                        pages: [overview, channels]
                    bob:
                      password-hash: h2
                      roles: [analyst]
                      subscription:
                        email: bob@example.com
                        locale: en
                        delivery: link
                    rita:
                      password-hash: h3
                      roles: [regional_manager]
                      regions: [Nord]
                      subscription:
                        email: rita@example.com
                    carl:
                      password-hash: h4
                      roles: [analyst]
                """);
        Path dashboards = settings.dashboards();

        // when serve checks for the published night
        Check first = dispatcher(settings, new MovableClock()).check();

        // then anna gets her two pages attached, bob a link to every page, rita Nord's page set
        assertThat(first).isEqualTo(new Check(runId, 3, 0, 0, 0));
        MimeMessage anna = only(to("anna@example.com"));
        assertThat(anna.getSubject()).isEqualTo("salesbi: Vertriebs-Dashboards der Nacht vom 15.01.2026");
        MimeMultipart parts = (MimeMultipart) anna.getContent();
        assertThat(parts.getCount()).isEqualTo(3);
        String annasText = ((String) parts.getBodyPart(0).getContent()).replace("\r\n", "\n");
        assertThat(annasText)
                .contains("die Dashboards der Nacht vom 15.01.2026 sind veröffentlicht")
                .contains("Datenstand: die neueste gelieferte Quelldatei ist vom ")
                .contains("  - Überblick (index.html)\n  - Vertriebskanäle (channels.html)\n")
                .contains("das salesbi-Konto „anna“");
        assertThat(List.of(
                        parts.getBodyPart(1).getFileName(), parts.getBodyPart(2).getFileName()))
                .containsExactly("index.html", "channels.html");
        assertThat(bytes(parts.getBodyPart(2))).isEqualTo(Files.readAllBytes(dashboards.resolve("channels.html")));
        assertThat(parts.getBodyPart(1).getContentType()).startsWith("text/html");

        MimeMessage bob = only(to("bob@example.com"));
        assertThat(bob.getSubject()).isEqualTo("salesbi: sales dashboards of the night of 15 January 2026");
        String bobsText = ((String) bob.getContent()).replace("\r\n", "\n");
        List<String> links = bobsText.lines()
                .filter(line -> line.startsWith("  - "))
                .map(line -> line.substring(line.indexOf("https://")))
                .toList();
        assertThat(links)
                .containsExactlyElementsOf(DashboardPages.keys().stream()
                        .map(key -> "https://bi.example.com/dashboards/" + DashboardPages.fileName(key))
                        .toList());
        // rita, regional manager for Nord, gets the pages of Nord's set, not the full set
        MimeMessage rita = only(to("rita@example.com"));
        MimeMultipart ritasParts = (MimeMultipart) rita.getContent();
        assertThat(ritasParts.getCount()).isEqualTo(1 + DashboardPages.keys().size());
        Path nord = dashboards.resolve("regions").resolve("nord");
        for (int i = 1; i < ritasParts.getCount(); i++) {
            String file = ritasParts.getBodyPart(i).getFileName();
            assertThat(bytes(ritasParts.getBodyPart(i)))
                    .as(file)
                    .isEqualTo(Files.readAllBytes(nord.resolve(file)))
                    .isNotEqualTo(Files.readAllBytes(dashboards.resolve(file)));
        }
        // one recipient per mail: nobody learns another subscriber's address
        for (MimeMessage mail : smtp.getReceivedMessages()) {
            assertThat(mail.getAllRecipients()).hasSize(1);
            assertThat(GreenMailUtil.getWholeMessage(mail)).doesNotContain("carl");
            if (!mail.getAllRecipients()[0].toString().equals("rita@example.com")) {
                assertThat(GreenMailUtil.getWholeMessage(mail)).doesNotContain("rita@");
            }
        }

        // and a second check, and a restarted server, mail nothing again
        assertThat(dispatcher(settings, new MovableClock()).check()).isEqualTo(new Check(runId, 0, 0, 0, 0));
        assertThat(dispatcher(settings, new MovableClock()).check()).isEqualTo(new Check(runId, 0, 0, 0, 0));
        assertThat(to("anna@example.com")).hasSize(1);
        assertThat(to("bob@example.com")).hasSize(1);
        Map<String, Delivery> recorded = deliveries();
        assertThat(recorded.get("anna"))
                .extracting(Delivery::status, Delivery::delivery, Delivery::pages, Delivery::attempts)
                .containsExactly(Status.SENT, "attach", 2, 1);
        assertThat(recorded.get("anna").bytes())
                .isEqualTo(
                        Files.size(dashboards.resolve("index.html")) + Files.size(dashboards.resolve("channels.html")));
        assertThat(recorded.get("bob"))
                .extracting(Delivery::status, Delivery::delivery, Delivery::pages, Delivery::attempts)
                .containsExactly(Status.SENT, "link", DashboardPages.keys().size(), 1);
        assertThat(recorded.get("rita"))
                .extracting(Delivery::status, Delivery::delivery, Delivery::pages)
                .containsExactly(Status.SENT, "attach", DashboardPages.keys().size());
        assertThat(recorded).doesNotContainKey("carl");
    }

    @Test
    void aMailThatKeepsFailingIsTriedTheConfiguredTimesThenReportedToTheStewards() throws Exception {
        // given an SMTP server that does not answer, two tries ten minutes apart, and stewards alerted by e-mail
        SalesbiSettings settings = settings("failing", unusedPort(), """
                    dora:
                      password-hash: h5
                      subscription:
                        email: dora@example.com
                        pages: [quality]
                """);
        MovableClock clock = new MovableClock();
        SubscriptionDispatcher dispatcher = dispatcher(settings, clock);

        // when serve checks now, five minutes later, ten minutes later and half an hour later
        Check first = dispatcher.check();
        Delivery afterFirst = deliveries().get("dora");
        clock.advance(Duration.ofMinutes(5));
        Check tooEarly = dispatcher.check();
        clock.advance(Duration.ofMinutes(5));
        Check last = dispatcher.check();
        clock.advance(Duration.ofMinutes(20));
        Check afterGivingUp = dispatcher.check();

        // then the first failure waits for the retry, the second is the last and is reported once
        assertThat(first).isEqualTo(new Check(runId, 0, 1, 0, 0));
        assertThat(afterFirst).extracting(Delivery::status, Delivery::attempts).containsExactly(Status.RETRYING, 1);
        assertThat(afterFirst.detail()).contains("Couldn't connect to host");
        assertThat(tooEarly).isEqualTo(new Check(runId, 0, 0, 0, 0));
        assertThat(last).isEqualTo(new Check(runId, 0, 0, 1, 0));
        assertThat(afterGivingUp).isEqualTo(new Check(runId, 0, 0, 0, 0));
        Delivery recorded = deliveries().get("dora");
        assertThat(recorded)
                .extracting(Delivery::status, Delivery::attempts, Delivery::sentAt)
                .containsExactly(Status.FAILED, 2, null);
        assertThat(recorded.lastAttemptAt()).isEqualTo(MovableClock.START.plus(Duration.ofMinutes(10)));
        assertThat(to("dora@example.com")).isEmpty();
        MimeMessage alert = only(to("steward@example.com"));
        assertThat(alert.getSubject())
                .isEqualTo("salesbi: the dashboards of night " + runId + " could not be mailed to user dora");
        assertThat(GreenMailUtil.getBody(alert))
                .contains("after 2 attempt(s)")
                .contains("salesbi subscriptions test --user dora")
                .doesNotContain("dora@example.com");
    }

    @Test
    void aMailThatFailedOnceIsSentWhenTheServerAnswersAgain() throws Exception {
        // given an SMTP server that is down at the first try
        int port = unusedPort();
        SalesbiSettings settings = settings("retried", port, """
                    erik:
                      password-hash: h6
                      subscription:
                        email: erik@example.com
                        pages: [plan]
                """);
        MovableClock clock = new MovableClock();
        SubscriptionDispatcher dispatcher = dispatcher(settings, clock);
        Check whileDown = dispatcher.check();

        // when it is back when the retry is due
        GreenMail back = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        back.start();
        try {
            clock.advance(Duration.ofMinutes(10));
            Check retry = dispatcher.check();

            // then the second try delivers the page
            assertThat(whileDown).isEqualTo(new Check(runId, 0, 1, 0, 0));
            assertThat(retry).isEqualTo(new Check(runId, 1, 0, 0, 0));
            MimeMessage erik = only(back.getReceivedMessages());
            assertThat(((MimeMultipart) erik.getContent()).getBodyPart(1).getFileName())
                    .isEqualTo("plan-vs-actual.html");
            assertThat(deliveries().get("erik"))
                    .extracting(Delivery::status, Delivery::attempts, Delivery::sentAt)
                    .containsExactly(Status.SENT, 2, MovableClock.START.plus(Duration.ofMinutes(10)));
        } finally {
            back.stop();
        }
    }

    @Test
    void aMissingPasswordVariableIsNamedInTheFailure() throws Exception {
        SalesbiSettings settings = settings(
                "nopassword",
                smtp.getSmtp().getPort(),
                """
                    fiona:
                      password-hash: h7
                      subscription:
                        email: fiona@example.com
                """,
                "  username: salesbi\n  password-env: SALESBI_TEST_SMTP_PASSWORD\n");

        Check check = dispatcher(settings, new MovableClock()).check();

        assertThat(check).isEqualTo(new Check(runId, 0, 1, 0, 0));
        assertThat(deliveries().get("fiona").detail())
                .isEqualTo("MessagingException: the SMTP password is missing: environment variable "
                        + "SALESBI_TEST_SMTP_PASSWORD (subscriptions.password-env) is not set for the salesbi process");
        assertThat(to("fiona@example.com")).isEmpty();
    }

    @Test
    @Order(Integer.MAX_VALUE)
    void serveMailsTheNightItFindsAndARestartedServeDoesNotMailItAgain() throws Exception {
        // given the published night, and a subscriber in the salesbi.yaml of 'salesbi serve'
        warehouse.close();
        warehouse = null;
        Files.writeString(home.resolve("salesbi.yaml"), """
                subscriptions:
                  smtp-host: 127.0.0.1
                  smtp-port: %d
                  from: salesbi@example.com
                  check-seconds: 1
                server:
                  users:
                    gina:
                      password-hash: "%s"
                      roles: [analyst]
                      subscription:
                        email: gina@example.com
                        pages: [overview]
                """.formatted(
                        smtp.getSmtp().getPort(), PasswordHasher.hash("gina-secret".toCharArray())));

        // when serve runs, is stopped, and runs again
        Path firstLog = home.resolve("serve-1.log");
        Process first = serve(firstLog);
        try {
            awaitLine(first, firstLog, "Subscriptions: night " + runId + " mailed to user gina (1 page(s) attached");
        } finally {
            stop(first);
        }
        Path secondLog = home.resolve("serve-2.log");
        Process second = serve(secondLog);
        try {
            awaitLine(
                    second,
                    secondLog,
                    "night " + runId + " (as of 2026-01-15) is the newest published night; 0 of 1 "
                            + "subscriber(s) still to mail");
        } finally {
            stop(second);
        }

        // then gina got the night once, from the first server
        assertThat(Files.readString(firstLog))
                .contains("night " + runId + " (as of 2026-01-15) is the newest published night; 1 of 1 subscriber(s) "
                        + "still to mail")
                .doesNotContain("gina@example.com");
        assertThat(Files.readString(secondLog)).doesNotContain("mailed to user gina");
        MimeMessage gina = only(to("gina@example.com"));
        assertThat(((MimeMultipart) gina.getContent()).getBodyPart(1).getFileName())
                .isEqualTo("index.html");
    }

    private Process serve(Path log) throws IOException {
        List<String> cmd = List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m",
                "-cp",
                System.getProperty("java.class.path"),
                SalesbiCommand.class.getName(),
                "serve",
                "--home",
                home.toString(),
                "--port",
                Integer.toString(unusedPort()),
                "--no-schedule");
        return new ProcessBuilder(cmd)
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
    }

    private static void stop(Process serve) throws InterruptedException {
        serve.destroy();
        if (!serve.waitFor(1, TimeUnit.MINUTES)) {
            serve.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        }
    }

    /** Waits up to two minutes (a busy machine starts the server slowly) for the server to log {@code marker}. */
    private static void awaitLine(Process serve, Path log, String marker) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
        while (System.nanoTime() < deadline) {
            String text = Files.exists(log) ? Files.readString(log) : "";
            if (text.contains(marker)) {
                return;
            }
            assertThat(serve.isAlive())
                    .as("serve ended before saying '%s':%n%s", marker, text)
                    .isTrue();
            Thread.sleep(100);
        }
        throw new AssertionError("serve did not say '" + marker + "' within 2 minutes:\n" + Files.readString(log));
    }

    private SalesbiSettings settings(String name, int port, String users) throws Exception {
        return settings(name, port, users, "");
    }

    private SalesbiSettings settings(String name, int port, String users, String smtpLogin) throws Exception {
        Path config = Files.writeString(home.resolve(name + ".yaml"), """
                subscriptions:
                  smtp-host: 127.0.0.1
                  smtp-port: %d
                  from: salesbi@example.com
                  base-url: https://bi.example.com/dashboards/
                  max-attempts: 2
                  retry-minutes: 10
                %salerts:
                  email:
                    smtp-host: 127.0.0.1
                    smtp-port: %d
                    from: salesbi@example.com
                    to: [steward@example.com]
                server:
                  users:
                %s""".formatted(
                        port, smtpLogin, smtp.getSmtp().getPort(), users));
        return SettingsLoader.load(config, home);
    }

    private SubscriptionDispatcher dispatcher(SalesbiSettings settings, Clock clock) {
        return new SubscriptionDispatcher(settings, warehouse::connect, () -> false, variable -> null, clock);
    }

    private Map<String, Delivery> deliveries() throws Exception {
        try (Connection conn = warehouse.connect()) {
            return DeliveryLog.of(conn, runId);
        }
    }

    private List<MimeMessage> to(String address) throws Exception {
        List<MimeMessage> received = new ArrayList<>();
        for (MimeMessage mail : smtp.getReceivedMessages()) {
            Address[] recipients = mail.getRecipients(Message.RecipientType.TO);
            if (recipients != null
                    && Arrays.stream(recipients).anyMatch(a -> a.toString().equals(address))) {
                received.add(mail);
            }
        }
        return received;
    }

    private static MimeMessage only(List<MimeMessage> mails) {
        assertThat(mails).hasSize(1);
        return mails.get(0);
    }

    private static MimeMessage only(MimeMessage[] mails) {
        return only(List.of(mails));
    }

    private static byte[] bytes(BodyPart part) throws Exception {
        try (var in = part.getInputStream()) {
            return in.readAllBytes();
        }
    }

    private static int unusedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /** A clock the test moves forward, starting at a fixed instant. */
    private static final class MovableClock extends Clock {

        static final Instant START = Instant.parse("2026-01-16T06:00:00Z");

        private Instant now = START;

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
