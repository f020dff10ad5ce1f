package io.salesbi.pipeline.alert;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import com.sun.net.httpserver.HttpServer;
import io.salesbi.pipeline.config.SalesbiSettings.AlertConfig;
import io.salesbi.pipeline.config.SalesbiSettings.EmailConfig;
import io.salesbi.pipeline.run.NightVerdict;
import io.salesbi.pipeline.run.NightVerdict.RejectedFile;
import io.salesbi.pipeline.run.NightlyRun.RunResult;
import io.salesbi.pipeline.run.NightlyRun.StepResult;
import io.salesbi.pipeline.run.RunReports;
import jakarta.mail.internet.MimeMessage;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.batch.core.BatchStatus;

/** Alerts against a local SMTP server (GreenMail) and a local HTTP receiver, both started by the test. */
class RunNotifierTest {

    @RegisterExtension
    static GreenMailExtension smtp = new GreenMailExtension(ServerSetupTest.SMTP);

    private HttpServer receiver;
    private final List<String> posted = new CopyOnWriteArrayList<>();

    @BeforeEach
    void startReceiver() throws Exception {
        receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/hook", exchange -> {
            posted.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        receiver.start();
    }

    @AfterEach
    void stopReceiver() {
        receiver.stop(0);
    }

    private AlertConfig config(boolean onSuccess) {
        EmailConfig email = new EmailConfig(
                "127.0.0.1",
                ServerSetupTest.SMTP.getPort(),
                false,
                null,
                null,
                "salesbi@example.com",
                List.of("steward@example.com"));
        String hook = "http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook";
        return new AlertConfig(onSuccess, email, hook);
    }

    private static RunResult failedNight() {
        return new RunResult(
                12,
                BatchStatus.FAILED,
                Duration.ofSeconds(42),
                List.of(
                        new StepResult(
                                "ingestFilesStep", BatchStatus.COMPLETED, 100, 98, 2, Duration.ofSeconds(3), "2 files"),
                        new StepResult("consolidateStep", BatchStatus.FAILED, 0, 0, 0, Duration.ofSeconds(1), "")),
                "revenue in kpi.channel_pnl differs from the validated order lines by 12.50 EUR \"2025\"");
    }

    @Test
    void aFailedNightIsReportedByMailAndWebhook() throws Exception {
        new RunNotifier(config(false)).notify(RunReports.of(failedNight()));

        MimeMessage[] mails = smtp.getReceivedMessages();
        assertThat(mails).hasSize(1);
        assertThat(mails[0].getSubject()).isEqualTo("salesbi: night 12 FAILED");
        assertThat(mails[0].getAllRecipients()[0].toString()).isEqualTo("steward@example.com");
        assertThat((String) mails[0].getContent())
                .contains("Cause: revenue in kpi.channel_pnl differs")
                .contains("consolidateStep");
        assertThat(posted)
                .singleElement()
                .satisfies(
                        json -> assertThat(json)
                                .contains(
                                        "\"run_id\":12",
                                        "\"status\":\"FAILED\"",
                                        "by 12.50 EUR \\\"2025\\\"",
                                        "{\"name\":\"ingestFilesStep\",\"status\":\"COMPLETED\",\"read\":100,\"written\":98,\"rejected\":2,\"seconds\":3.0}"));
    }

    @Test
    void aSuccessfulNightIsReportedOnlyWhenAskedFor() {
        RunResult ok = new RunResult(13, BatchStatus.COMPLETED, Duration.ofSeconds(30), List.of(), null);

        new RunNotifier(config(false)).notify(RunReports.of(ok));
        assertThat(smtp.getReceivedMessages()).isEmpty();
        assertThat(posted).isEmpty();

        new RunNotifier(config(true)).notify(RunReports.of(ok));
        assertThat(smtp.getReceivedMessages()).hasSize(1);
        assertThat(posted).hasSize(1);
    }

    @Test
    void aNightWithARejectedFileIsReportedEvenWhenSuccessesAreNotNamingFileRuleAndRows() throws Exception {
        NightVerdict verdict = new NightVerdict(
                true,
                "1 of 2 files rejected",
                List.of(new RejectedFile(
                        7,
                        "erp_order_lines",
                        "orders.csv",
                        40,
                        30,
                        0.2,
                        "order_line.unknown_debtor",
                        28,
                        "order_line.unknown_debtor 28; order_line.unknown_product 2")));
        RunResult night = new RunResult(14, BatchStatus.COMPLETED, Duration.ofSeconds(30), List.of(), null, verdict);

        new RunNotifier(config(false)).notify(RunReports.of(night));

        MimeMessage[] mails = smtp.getReceivedMessages();
        assertThat(mails).hasSize(1);
        assertThat(mails[0].getSubject()).isEqualTo("salesbi: night 14 completed with warnings");
        assertThat((String) mails[0].getContent())
                .contains("Night 14 ended COMPLETED_WITH_WARNINGS after 30 s.")
                .contains("Warnings: 1 of 2 files rejected")
                .contains("Rejected: orders.csv (erp_order_lines): 30 of 40 rows quarantined (75 %, limit 20 %); "
                        + "rule order_line.unknown_debtor: 28 rows "
                        + "(order_line.unknown_debtor 28; order_line.unknown_product 2)");
        assertThat(posted)
                .singleElement()
                .satisfies(
                        json -> assertThat(json)
                                .contains(
                                        "\"status\":\"COMPLETED_WITH_WARNINGS\"",
                                        "\"job_status\":\"COMPLETED\"",
                                        "\"warning\":\"1 of 2 files rejected\"",
                                        "{\"file\":\"orders.csv\",\"source\":\"erp_order_lines\",\"rows_delivered\":40,"
                                                + "\"rows_quarantined\":30,\"rule\":\"order_line.unknown_debtor\",\"rule_rows\":28,"));
    }

    @Test
    void anUnreachableReceiverDoesNotFailTheNight() {
        AlertConfig broken = new AlertConfig(
                false,
                new EmailConfig(
                        "127.0.0.1", 1, false, null, null, "salesbi@example.com", List.of("steward@example.com")),
                "http://127.0.0.1:1/hook");

        new RunNotifier(broken).notify(RunReports.of(failedNight()));

        assertThat(smtp.getReceivedMessages()).isEmpty();
    }
}
