package io.salesbi.pipeline.subscribe;

import io.salesbi.pipeline.config.SalesbiSettings.SubscriptionsConfig;
import jakarta.mail.Authenticator;
import jakarta.mail.MessagingException;
import jakarta.mail.PasswordAuthentication;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.MimeMessage;
import java.util.Optional;
import java.util.Properties;
import java.util.function.UnaryOperator;

/**
 * The subscriptions' SMTP server (Jakarta Mail). The password is read from the environment variable that
 * {@code subscriptions.password-env} names, at each send, so that a variable set after a failure is used on the retry.
 */
final class SmtpSender {

    private static final String TIMEOUT_MILLIS = "20000";

    private final SubscriptionsConfig config;
    private final UnaryOperator<String> environment;

    SmtpSender(SubscriptionsConfig config, UnaryOperator<String> environment) {
        this.config = config;
        this.environment = environment;
    }

    /** A session for one mail; fails when the password's environment variable is not set. */
    Session session() throws MessagingException {
        Properties props = new Properties();
        props.put("mail.smtp.host", config.smtpHost());
        props.put("mail.smtp.port", Integer.toString(config.smtpPort()));
        props.put("mail.smtp.starttls.enable", Boolean.toString(config.startTls()));
        props.put("mail.smtp.starttls.required", Boolean.toString(config.startTls()));
        props.put("mail.smtp.connectiontimeout", TIMEOUT_MILLIS);
        props.put("mail.smtp.timeout", TIMEOUT_MILLIS);
        props.put("mail.smtp.writetimeout", TIMEOUT_MILLIS);
        if (config.username() == null) {
            return Session.getInstance(props);
        }
        Optional<String> missing = missingPassword();
        if (missing.isPresent()) {
            throw new MessagingException(missing.get());
        }
        String password = environment.apply(config.passwordEnv());
        props.put("mail.smtp.auth", "true");
        return Session.getInstance(props, new Authenticator() {
            @Override
            protected PasswordAuthentication getPasswordAuthentication() {
                return new PasswordAuthentication(config.username(), password);
            }
        });
    }

    /** Why the SMTP login has no password, or empty when it has one or needs none. */
    Optional<String> missingPassword() {
        if (config.username() == null) {
            return Optional.empty();
        }
        String password = config.passwordEnv() == null ? null : environment.apply(config.passwordEnv());
        if (password == null || password.isEmpty()) {
            return Optional.of("the SMTP password is missing: environment variable " + config.passwordEnv()
                    + " (subscriptions.password-env) is not set for the salesbi process");
        }
        return Optional.empty();
    }

    void send(MimeMessage message) throws MessagingException {
        Transport.send(message);
    }

    /** Where mails go, for log lines: host and port, never a password. */
    String server() {
        return config.smtpHost() + ":" + config.smtpPort();
    }
}
