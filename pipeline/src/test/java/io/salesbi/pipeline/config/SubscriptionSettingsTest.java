package io.salesbi.pipeline.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.salesbi.dashboards.DashboardPages;
import io.salesbi.pipeline.config.SalesbiSettings.SubscriptionConfig;
import io.salesbi.pipeline.config.SalesbiSettings.SubscriptionsConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code subscriptions:} and {@code server.users.NAME.subscription} in salesbi.yaml: what they bind to and refuse. */
class SubscriptionSettingsTest {

    @TempDir
    Path dir;

    @Test
    void aSubscriptionBindsWithItsDefaults() throws Exception {
        Path config = write("""
                locale: en
                subscriptions:
                  smtp-host: mail.example.com
                  smtp-port: 587
                  starttls: true
                  username: salesbi
                  password-env: SALESBI_SMTP_PASSWORD
                  from: salesbi@example.com
                  base-url: https://bi.example.com/dashboards
                server:
                  users:
                    anna:
                      password-hash: h1
                      subscription:
                        email: anna@example.com
                        locale: de
                        pages: [overview, channels]
                    bob:
                      password-hash: h2
                      subscription:
                        email: bob@example.com
                        pages: all
                        delivery: link
                    carl:
                      password-hash: h3
                """);

        SalesbiSettings settings = SettingsLoader.load(config, null);

        assertThat(settings.subscriptions())
                .isEqualTo(new SubscriptionsConfig(
                        "mail.example.com",
                        587,
                        true,
                        "salesbi",
                        "SALESBI_SMTP_PASSWORD",
                        "salesbi@example.com",
                        "https://bi.example.com/dashboards/",
                        3,
                        Duration.ofMinutes(10),
                        Duration.ofSeconds(60),
                        15L * 1024 * 1024));
        assertThat(settings.server().users().get("anna").subscription())
                .isEqualTo(new SubscriptionConfig(
                        "anna@example.com", Locale.GERMAN, List.of("overview", "channels"), false));
        assertThat(settings.server().users().get("bob").subscription())
                .isEqualTo(new SubscriptionConfig("bob@example.com", Locale.ENGLISH, DashboardPages.keys(), true));
        assertThat(settings.server().users().get("carl").subscription()).isNull();
    }

    @Test
    void withoutTheBlockThereAreNoSubscriptions() throws Exception {
        assertThat(SettingsLoader.load(write("locale: de\n"), null).subscriptions())
                .isNull();
    }

    @Test
    void everyProblemOfTheSubscriptionsIsReportedAtItsPlace() throws Exception {
        Path config = write("""
                subscriptions:
                  smtp-host: mail.example.com
                  username: salesbi
                  password: secret
                  from: salesbi-example.com
                  max-attempts: 0
                server:
                  users:
                    anna:
                      password-hash: h1
                      subscription:
                        email: anna
                        locale: fr
                        pages: [overview, sales, overview]
                        delivery: link
                    bob:
                      password-hash: h2
                      subscription:
                        locale: en
                        delivery: fax
                """);

        assertThat(problems(config))
                .containsExactly(
                        config + ":3:3: key 'subscriptions.username' needs 'password-env': the name of the environment "
                                + "variable that holds the SMTP password (the password is never written in "
                                + "salesbi.yaml)",
                        config + ":4:3: unknown key 'subscriptions.password'; known keys: [base-url, check-seconds, "
                                + "from, max-attachment-mb, max-attempts, password-env, retry-minutes, smtp-host, "
                                + "smtp-port, starttls, username]",
                        config + ":5:3: key 'subscriptions.from': 'salesbi-example.com' must be an e-mail address",
                        config + ":6:3: key 'subscriptions.max-attempts': 0 must be >= 1",
                        config + ":12:9: key 'server.users.anna.subscription.email': 'anna' must be an e-mail address",
                        config + ":13:9: key 'server.users.anna.subscription.locale': 'fr' is not supported; "
                                + "expected de or en",
                        config + ":14:27: key 'server.users.anna.subscription.pages[1]': 'sales' is not a page; "
                                + "expected 'all' or some of " + DashboardPages.keys(),
                        config + ":14:34: key 'server.users.anna.subscription.pages[2]': 'overview' is listed twice",
                        config + ":15:9: key 'server.users.anna.subscription.delivery': link needs "
                                + "'subscriptions.base-url', the address under which users open the served pages "
                                + "(e.g. https://bi.example.com/dashboards/)",
                        config + ":18:7: key 'server.users.bob.subscription.email' is missing",
                        config + ":20:9: key 'server.users.bob.subscription.delivery': 'fax' is not one of "
                                + "[attach, link]");
    }

    @Test
    void aSubscriptionNeedsTheSmtpBlock() throws Exception {
        Path config = write("""
                server:
                  users:
                    anna:
                      password-hash: h1
                      subscription:
                        email: anna@example.com
                """);

        assertThat(problems(config))
                .containsExactly(config + ":5:7: key 'server.users.anna.subscription' needs the SMTP server that "
                        + "sends it: add a 'subscriptions:' block with smtp-host and from");
    }

    private List<String> problems(Path config) {
        return catchThrowableOfType(InvalidSettingsException.class, () -> SettingsLoader.load(config, null))
                .problems();
    }

    private Path write(String content) throws Exception {
        return Files.writeString(dir.resolve("salesbi.yaml"), content);
    }
}
