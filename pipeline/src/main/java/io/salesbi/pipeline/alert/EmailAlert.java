package io.salesbi.pipeline.alert;

import io.salesbi.pipeline.config.SalesbiSettings.EmailConfig;
import jakarta.mail.Authenticator;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.PasswordAuthentication;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.util.Properties;

/** Sends a night's report by SMTP (Jakarta Mail). */
final class EmailAlert {

    private final EmailConfig config;

    EmailAlert(EmailConfig config) {
        this.config = config;
    }

    void send(RunReport report) throws MessagingException {
        Properties props = new Properties();
        props.put("mail.smtp.host", config.smtpHost());
        props.put("mail.smtp.port", Integer.toString(config.smtpPort()));
        props.put("mail.smtp.starttls.enable", Boolean.toString(config.startTls()));
        props.put("mail.smtp.connectiontimeout", "10000");
        props.put("mail.smtp.timeout", "10000");
        Authenticator auth = null;
        if (config.username() != null) {
            props.put("mail.smtp.auth", "true");
            auth = new Authenticator() {
                @Override
                protected PasswordAuthentication getPasswordAuthentication() {
                    return new PasswordAuthentication(config.username(), config.password());
                }
            };
        }
        MimeMessage message = new MimeMessage(Session.getInstance(props, auth));
        message.setFrom(new InternetAddress(config.from()));
        for (String to : config.to()) {
            message.addRecipient(Message.RecipientType.TO, new InternetAddress(to));
        }
        message.setSubject(report.subject(), "UTF-8");
        message.setText(report.text(), "UTF-8");
        Transport.send(message);
    }
}
