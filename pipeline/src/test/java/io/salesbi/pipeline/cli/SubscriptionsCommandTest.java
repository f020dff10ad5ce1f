package io.salesbi.pipeline.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code salesbi subscriptions test --user NAME}: a steward's check of the SMTP setup, against GreenMail. */
class SubscriptionsCommandTest {

    @RegisterExtension
    static GreenMailExtension smtp = new GreenMailExtension(ServerSetupTest.SMTP);

    @TempDir
    Path home;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @Test
    void sendsTheUsersPagesNowMarkedAsATest() throws Exception {
        config(ServerSetupTest.SMTP.getPort());
        Files.createDirectories(home.resolve("dashboards"));
        Files.writeString(home.resolve("dashboards/plan-vs-actual.html"), "<html>plan</html>");

        int exit = run("subscriptions", "test", "--user", "anna", "--home", home.toString());

        assertThat(exit).as(err.toString()).isZero();
        assertThat(out.toString())
                .contains("the night is not named in the test mail: there is no warehouse at "
                        + home.resolve("warehouse/salesbi.duckdb"))
                .contains("test mail sent to user anna through 127.0.0.1:" + ServerSetupTest.SMTP.getPort()
                        + ": 1 page(s) attached (17 bytes)");
        MimeMessage[] mails = smtp.getReceivedMessages();
        assertThat(mails).hasSize(1);
        assertThat(mails[0].getSubject()).isEqualTo("[Test] salesbi: sales dashboards");
        assertThat(mails[0].getAllRecipients()).extracting(Object::toString).containsExactly("anna@example.com");
        MimeMultipart parts = (MimeMultipart) mails[0].getContent();
        assertThat(parts.getBodyPart(1).getFileName()).isEqualTo("plan-vs-actual.html");
        try (var attached = parts.getBodyPart(1).getInputStream()) {
            assertThat(new String(attached.readAllBytes(), StandardCharsets.UTF_8))
                    .isEqualTo("<html>plan</html>");
        }
    }

    @Test
    void anUnreachableServerExits1WithItsAnswer() throws Exception {
        int closed;
        try (ServerSocket socket = new ServerSocket(0)) {
            closed = socket.getLocalPort();
        }
        config(closed);
        Files.createDirectories(home.resolve("dashboards"));
        Files.writeString(home.resolve("dashboards/plan-vs-actual.html"), "<html>plan</html>");

        int exit = run("subscriptions", "test", "--user", "anna", "--home", home.toString());

        assertThat(exit).isEqualTo(SalesbiCommand.EXIT_RUN_FAILED);
        assertThat(err.toString())
                .contains("the test mail to user anna could not be sent through 127.0.0.1:" + closed + ": ")
                .contains("Couldn't connect to host");
    }

    @Test
    void aUserWithoutASubscriptionExits2() throws Exception {
        config(ServerSetupTest.SMTP.getPort());

        int exit = run("subscriptions", "test", "--user", "bob", "--home", home.toString());

        assertThat(exit).isEqualTo(SalesbiCommand.EXIT_USAGE);
        assertThat(err.toString())
                .contains("user 'bob' has no subscription (server.users.bob.subscription in salesbi.yaml)");
    }

    private void config(int port) throws Exception {
        Files.writeString(home.resolve("salesbi.yaml"), """
                subscriptions:
                  smtp-host: 127.0.0.1
                  smtp-port: %d
                  from: salesbi@example.com
                server:
                  users:
                    anna:
                      password-hash: h1
                      subscription:
                        email: anna@example.com
                        locale: en
                        pages: [plan]
                """.formatted(port));
    }

    private int run(String... args) {
        CommandLine cli = SalesbiCommand.commandLine();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        return cli.execute(args);
    }
}
