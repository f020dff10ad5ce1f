package io.salesbi.pipeline.cli;

import io.salesbi.pipeline.config.SalesbiSettings;
import io.salesbi.pipeline.subscribe.PublishedNight;
import io.salesbi.pipeline.subscribe.SubscriptionDispatcher;
import io.salesbi.pipeline.warehouse.Warehouse;
import io.salesbi.pipeline.warehouse.WarehouseBusyException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code salesbi subscriptions}: the pages mailed to subscribed users after each night ({@code serve} sends them). */
@Command(
        name = "subscriptions",
        mixinStandardHelpOptions = true,
        description = "The dashboards mailed to subscribed users after each published night ('salesbi serve' sends "
                + "them; see 'subscriptions:' and server.users.NAME.subscription in salesbi.yaml). 'test' sends one "
                + "mail now.",
        subcommands = {SubscriptionsCommand.Test.class})
final class SubscriptionsCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new picocli.CommandLine.ParameterException(spec.commandLine(), "test is required");
    }

    @Command(
            name = "test",
            mixinStandardHelpOptions = true,
            description = "Mails one subscribed user the current pages now, marked as a test, through the configured "
                    + "SMTP server, so that a data steward can check the setup (server, login, sender, address, "
                    + "attachments or links). Nothing is recorded: the night's own mail is still sent. Exit 1 with "
                    + "the SMTP server's answer when the mail cannot be sent.")
    static final class Test implements Callable<Integer> {

        @Mixin
        HomeOptions home;

        @Option(names = "--user", paramLabel = "NAME", required = true, description = "The subscribed user (login).")
        String user;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            SalesbiSettings settings = home.settings();
            if (settings.subscriptions() == null) {
                throw new SalesbiCommand.UsageException(
                        "salesbi.yaml has no 'subscriptions:' block (smtp-host, from, ...); nothing to test");
            }
            SalesbiSettings.UserConfig account = settings.server().users().get(user);
            if (account == null || account.subscription() == null) {
                throw new SalesbiCommand.UsageException("user '" + user + "' has no subscription (server.users." + user
                        + ".subscription in salesbi.yaml)");
            }
            PublishedNight night = null;
            String noNight = null;
            if (!Files.isRegularFile(settings.warehouse())) {
                noNight = "there is no warehouse at " + settings.warehouse();
            } else {
                try (Connection conn = Warehouse.openReadOnly(settings.warehouse())) {
                    night = PublishedNight.latest(conn).orElse(null);
                    noNight = night == null ? "no night is published yet" : null;
                } catch (WarehouseBusyException e) {
                    noNight = "the warehouse is in use by another salesbi process, e.g. serve";
                } catch (SQLException e) {
                    noNight = "the warehouse could not be read: " + e.getMessage();
                }
            }
            PrintWriter out = spec.commandLine().getOut();
            if (noNight != null) {
                out.println("salesbi: the night is not named in the test mail: " + noNight);
            }
            SubscriptionDispatcher dispatcher = new SubscriptionDispatcher(
                    settings,
                    () -> {
                        throw new SQLException("a test mail reads no warehouse");
                    },
                    () -> false,
                    System::getenv,
                    Clock.systemUTC());
            try (dispatcher) {
                out.println("salesbi: " + dispatcher.sendTest(user, night, noNight));
            } catch (jakarta.mail.MessagingException e) {
                PrintWriter err = spec.commandLine().getErr();
                err.println("salesbi: the test mail to user " + user + " could not be sent through "
                        + settings.subscriptions().smtpHost() + ":"
                        + settings.subscriptions().smtpPort() + ": "
                        + e.getMessage() + (e.getNextException() == null ? "" : " (" + e.getNextException() + ")"));
                return SalesbiCommand.EXIT_RUN_FAILED;
            }
            return SalesbiCommand.EXIT_OK;
        }
    }
}
