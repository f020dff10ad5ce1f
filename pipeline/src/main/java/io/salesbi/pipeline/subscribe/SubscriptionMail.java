package io.salesbi.pipeline.subscribe;

import io.salesbi.dashboards.DashboardPages;
import io.salesbi.pipeline.subscribe.SubscribedPages.PageFile;
import io.salesbi.pipeline.subscribe.SubscribedPages.PageSet;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.io.IOException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.Locale;
import java.util.ResourceBundle;

/**
 * The mail of one subscription and night, in the subscriber's language (mail_de / mail_en): the night's date, how
 * fresh its data is, whether it ended with warnings, and the pages attached or linked. It carries nothing of the
 * warehouse beyond those dates: no figure, no customer, and only the recipient's own address and login.
 */
final class SubscriptionMail {

    private static final String BUNDLE = "io.salesbi.pipeline.subscribe.mail";
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");

    /**
     * What one mail says.
     *
     * @param login         the subscriber's account, named in the footer
     * @param night         the night, or null for a test mail when the warehouse could not be read
     * @param pages         the pages to attach or link
     * @param link          links under {@code baseUrl} instead of attachments
     * @param oversizeBytes the pages' total size when they were too large to attach (so they are linked), else null
     * @param maxBytes      the attachment limit, named when the pages were too large
     * @param test          a test mail ({@code salesbi subscriptions test})
     * @param noNightReason why the night could not be read, for a test mail without a night
     */
    record Letter(
            String login,
            PublishedNight night,
            PageSet pages,
            boolean link,
            String baseUrl,
            Long oversizeBytes,
            long maxBytes,
            boolean test,
            String noNightReason) {}

    private final Locale locale;
    private final ResourceBundle bundle;
    private final DateTimeFormatter date;

    SubscriptionMail(Locale locale) {
        this.locale = locale;
        this.bundle = ResourceBundle.getBundle(
                BUNDLE, locale, ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
        this.date = DateTimeFormatter.ofPattern(bundle.getString("date.pattern"), locale);
    }

    String subject(Letter l) {
        if (l.night() == null) {
            return text("subject.testNoNight");
        }
        return text(l.test() ? "subject.test" : "subject", date.format(l.night().asOf()));
    }

    String body(Letter l) {
        StringBuilder b = new StringBuilder();
        b.append(text("greeting")).append("\n\n");
        PublishedNight n = l.night();
        if (n != null) {
            b.append(text(
                            "published",
                            date.format(n.asOf()),
                            date.format(n.publishedAt()),
                            TIME.format(n.publishedAt())))
                    .append('\n');
            b.append(freshness(n)).append('\n');
            if (n.withWarnings()) {
                b.append(text("warnings")).append('\n');
            }
            b.append('\n');
        }
        if (l.test()) {
            b.append(n == null ? text("testNoNight", l.noNightReason()) : text("test"))
                    .append("\n\n");
        }
        if (l.oversizeBytes() != null) {
            b.append(text("tooLarge", megabytes(l.oversizeBytes()), megabytes(l.maxBytes())))
                    .append('\n');
        }
        if (l.link()) {
            b.append(text("linked")).append('\n');
            for (PageFile page : l.pages().pages()) {
                b.append("  - ")
                        .append(title(page))
                        .append(": ")
                        .append(l.baseUrl())
                        .append(page.urlPath())
                        .append('\n');
            }
        } else {
            b.append(text("attached", l.pages().pages().size())).append('\n');
            for (PageFile page : l.pages().pages()) {
                b.append("  - ")
                        .append(title(page))
                        .append(" (")
                        .append(page.file().getFileName())
                        .append(")\n");
            }
        }
        if (!l.pages().missing().isEmpty()) {
            b.append(text("missing", String.join(", ", l.pages().missing()))).append('\n');
        }
        b.append("\n-- \n").append(text("footer", l.login())).append('\n');
        return b.toString();
    }

    /** The message to one recipient: plain text, the pages as HTML attachments unless linked. */
    MimeMessage message(Session session, String from, String to, Letter l) throws MessagingException, IOException {
        MimeMessage message = new MimeMessage(session);
        message.setFrom(new InternetAddress(from));
        message.setRecipient(Message.RecipientType.TO, new InternetAddress(to));
        message.setSubject(subject(l), "UTF-8");
        message.setSentDate(new Date());
        // RFC 3834: no out-of-office replies to a machine
        message.setHeader("Auto-Submitted", "auto-generated");
        message.setHeader("Content-Language", locale.getLanguage());
        if (l.link()) {
            message.setText(body(l), "UTF-8");
            return message;
        }
        MimeMultipart multipart = new MimeMultipart();
        MimeBodyPart text = new MimeBodyPart();
        text.setText(body(l), "UTF-8");
        multipart.addBodyPart(text);
        for (PageFile page : l.pages().pages()) {
            MimeBodyPart attachment = new MimeBodyPart();
            attachment.attachFile(page.file().toFile(), "text/html; charset=UTF-8", "base64");
            attachment.setFileName(page.file().getFileName().toString());
            multipart.addBodyPart(attachment);
        }
        message.setContent(multipart);
        return message;
    }

    private String freshness(PublishedNight n) {
        LocalDate published = n.publishedAt().toLocalDate();
        if (n.newestFileDate() != null) {
            long days = ChronoUnit.DAYS.between(n.newestFileDate(), published);
            if (days <= 0) {
                return text("freshness.fileSameDay", date.format(n.newestFileDate()));
            }
            return text(
                    "freshness.file",
                    date.format(n.newestFileDate()),
                    days == 1 ? text("days.one") : text("days.many", days));
        }
        if (n.lastLoadAt() != null) {
            return text("freshness.load", date.format(n.lastLoadAt()), TIME.format(n.lastLoadAt()));
        }
        return text("freshness.none");
    }

    private String title(PageFile page) {
        return DashboardPages.title(page.key(), locale);
    }

    private String megabytes(long bytes) {
        return String.format(locale, "%.1f", bytes / (1024.0 * 1024.0));
    }

    private String text(String key, Object... args) {
        String text = bundle.getString(key);
        for (int i = 0; i < args.length; i++) {
            text = text.replace("{" + i + "}", String.valueOf(args[i]));
        }
        return text;
    }
}
