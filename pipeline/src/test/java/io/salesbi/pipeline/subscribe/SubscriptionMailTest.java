package io.salesbi.pipeline.subscribe;

import static org.assertj.core.api.Assertions.assertThat;

import io.salesbi.pipeline.subscribe.SubscribedPages.PageFile;
import io.salesbi.pipeline.subscribe.SubscribedPages.PageSet;
import io.salesbi.pipeline.subscribe.SubscriptionMail.Letter;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** The text of a subscription's mail, word for word, in both languages. */
class SubscriptionMailTest {

    private static final PublishedNight NIGHT = new PublishedNight(
            7,
            LocalDate.of(2026, 1, 15),
            LocalDateTime.of(2026, 1, 16, 2, 14),
            false,
            LocalDate.of(2026, 1, 14),
            LocalDateTime.of(2026, 1, 16, 2, 3));
    private static final PageSet TWO_PAGES = new PageSet(
            List.of(
                    new PageFile("overview", Path.of("index.html"), "index.html"),
                    new PageFile("channels", Path.of("channels.html"), "channels.html")),
            List.of(),
            null);

    @Test
    void germanWithAttachmentsNamesTheNightItsFreshnessAndThePages() {
        Letter letter = new Letter("anna", NIGHT, TWO_PAGES, false, null, null, 15, false, null);
        SubscriptionMail mail = new SubscriptionMail(Locale.GERMAN);

        assertThat(mail.subject(letter)).isEqualTo("salesbi: Vertriebs-Dashboards der Nacht vom 15.01.2026");
        assertThat(mail.body(letter)).isEqualTo("""
                        Guten Tag,

                        die Dashboards der Nacht vom 15.01.2026 sind veröffentlicht (am 16.01.2026 um 02:14 Uhr).
                        Datenstand: die neueste gelieferte Quelldatei ist vom 14.01.2026 (2 Tage vor der Veröffentlichung).

                        Im Anhang 2 Seite(n); sie öffnen sich im Browser, auch ohne Netz:
                          - Überblick (index.html)
                          - Vertriebskanäle (channels.html)

                        --\s
                        Sie erhalten diese Mail, weil das salesbi-Konto „anna“ die Dashboards abonniert hat. Abbestellen oder ändern: bei Ihrem Data Steward.
                        """);
    }

    @Test
    void englishWithLinksSaysTheNightEndedWithWarnings() {
        PublishedNight withWarnings = new PublishedNight(
                7, NIGHT.asOf(), NIGHT.publishedAt(), true, LocalDate.of(2026, 1, 15), NIGHT.lastLoadAt());
        Letter letter = new Letter(
                "bob", withWarnings, TWO_PAGES, true, "https://bi.example.com/dashboards/", null, 15, false, null);
        SubscriptionMail mail = new SubscriptionMail(Locale.ENGLISH);

        assertThat(mail.subject(letter)).isEqualTo("salesbi: sales dashboards of the night of 15 January 2026");
        assertThat(mail.body(letter)).isEqualTo("""
                        Hello,

                        the dashboards of the night of 15 January 2026 are published (on 16 January 2026 at 02:14).
                        Data as of: the newest delivered source file is dated 15 January 2026 (1 day before publication).
                        Note: the night ended with warnings; not all delivered data is in the figures. See the page "Data quality & last run".

                        The pages (log in with your salesbi account):
                          - Overview: https://bi.example.com/dashboards/index.html
                          - Sales channels: https://bi.example.com/dashboards/channels.html

                        --\s
                        You receive this mail because the salesbi account 'bob' subscribes to the dashboards. To unsubscribe or change it, ask your data steward.
                        """);
    }

    @Test
    void aTestMailWithoutTheNightSaysWhyAndThatPagesWereTooLargeToAttach() {
        Letter letter = new Letter(
                "anna",
                null,
                new PageSet(TWO_PAGES.pages(), List.of("survey.html"), null),
                true,
                "https://bi.example.com/dashboards/",
                20L * 1024 * 1024,
                15L * 1024 * 1024,
                true,
                "the warehouse is in use by another salesbi process, e.g. serve");
        SubscriptionMail mail = new SubscriptionMail(Locale.GERMAN);

        assertThat(mail.subject(letter)).isEqualTo("[Test] salesbi: Vertriebs-Dashboards");
        assertThat(mail.body(letter)).isEqualTo("""
                        Guten Tag,

                        Dies ist eine Testmail, angestoßen mit „salesbi subscriptions test“. Die Nacht konnte nicht gelesen werden (the warehouse is in use by another salesbi process, e.g. serve); die Seiten sind die aktuellen im Dashboard-Ordner.

                        Die Seiten sind zusammen 20,0 MB groß, mehr als ein Anhang haben darf (15,0 MB); daher hier die Links.
                        Die Seiten (Anmeldung mit Ihrem salesbi-Konto):
                          - Überblick: https://bi.example.com/dashboards/index.html
                          - Vertriebskanäle: https://bi.example.com/dashboards/channels.html
                        Nicht dabei, weil die Nacht sie nicht erzeugt hat: survey.html.

                        --\s
                        Sie erhalten diese Mail, weil das salesbi-Konto „anna“ die Dashboards abonniert hat. Abbestellen oder ändern: bei Ihrem Data Steward.
                        """);
    }
}
