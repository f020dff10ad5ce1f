package io.salesbi.generator;

import java.util.List;

/**
 * The question catalogue of the sales-excellence self-assessment (Standortbestimmung): 24 statements, two for each
 * of the four areas and three orientations, scored 1 (trifft nicht zu) to 5 (trifft voll zu); and the respondent
 * roles with their German labels as docs/inbox-formats.md lists them.
 */
final class SurveyCatalog {

    static final String[] AREAS = {
        "Vertriebsstrategie", "Vertriebsmanagement", "Kundenbeziehungsmanagement", "Informationsmanagement"
    };
    static final String[] ORIENTATIONS = {"Kundenorientierung", "Leistungsorientierung", "Teamorientierung"};
    static final int MIN_SCORE = 1;
    static final int MAX_SCORE = 5;

    /** A respondent role: label as written in the workbook, the prefix of its respondent numbers. */
    enum Role {
        SELF("Selbstbild", "S"),
        HEAD_OF_SALES("Vertriebsleitung", "L"),
        SALES_STAFF("Vertriebsmitarbeiter", "M"),
        OTHER_DEPARTMENT("Andere Abteilung", "A"),
        CUSTOMER_PARTNER("Kunde/Partner", "K");

        final String label;
        final String prefix;

        Role(String label, String prefix) {
            this.label = label;
            this.prefix = prefix;
        }
    }

    /** One statement; {@code area} and {@code orientation} index {@link #AREAS} and {@link #ORIENTATIONS}. */
    record Question(String id, int area, int orientation, String text) {}

    static final List<Question> QUESTIONS = List.of(
            new Question("F01", 0, 0, "Unsere Vertriebsziele leiten sich aus den Bedürfnissen unserer Zielkunden ab."),
            new Question("F02", 0, 0, "Wir wissen, in welchen Branchen und Regionen wir wachsen wollen."),
            new Question("F03", 0, 1, "Die Vertriebsstrategie ist in messbare Ziele je Kanal übersetzt."),
            new Question("F04", 0, 1, "Wir überprüfen jährlich, ob unsere Kanäle ihre Kosten tragen."),
            new Question("F05", 0, 2, "Jede Vertriebsmitarbeiterin kennt die Strategie und ihren Beitrag dazu."),
            new Question("F06", 0, 2, "Die Strategie wird gemeinsam mit Innendienst und Außendienst erarbeitet."),
            new Question("F07", 1, 0, "Besuchs- und Gebietsplanung richten sich nach dem Kundenpotenzial."),
            new Question("F08", 1, 0, "Kundenbeschwerden werden innerhalb von zwei Tagen beantwortet."),
            new Question("F09", 1, 1, "Ziele, Provisionen und Kennzahlen sind klar und werden monatlich besprochen."),
            new Question("F10", 1, 1, "Die Vertriebsleitung steuert nach Deckungsbeitrag, nicht nur nach Umsatz."),
            new Question("F11", 1, 2, "Neue Mitarbeiter werden systematisch eingearbeitet und geschult."),
            new Question("F12", 1, 2, "Außendienst und Innendienst stimmen sich regelmäßig ab."),
            new Question("F13", 2, 0, "Wir kennen die Ansprechpartner im Einkaufsgremium unserer Schlüsselkunden."),
            new Question("F14", 2, 0, "Unsere Kunden empfehlen uns weiter."),
            new Question("F15", 2, 1, "Für Schlüsselkunden gibt es Kundenpläne mit Umsatz- und Potenzialzielen."),
            new Question("F16", 2, 1, "Wir gewinnen verlorene Kunden gezielt zurück."),
            new Question("F17", 2, 2, "Kundenwissen wird im Team geteilt, nicht nur beim zuständigen Verkäufer."),
            new Question("F18", 2, 2, "Bei Vertretung kennt der Kollege die offenen Themen des Kunden."),
            new Question("F19", 3, 0, "Wir wissen, welche Kunden wie viel bei uns und beim Wettbewerb kaufen."),
            new Question("F20", 3, 0, "Marktdaten und Kundenfeedback fließen in unsere Angebote ein."),
            new Question("F21", 3, 1, "Vertriebskennzahlen stehen aktuell und ohne Handarbeit zur Verfügung."),
            new Question("F22", 3, 1, "Kundenstammdaten sind vollständig und dubletten-frei."),
            new Question("F23", 3, 2, "CRM und ERP werden von allen im Vertrieb gepflegt und genutzt."),
            new Question("F24", 3, 2, "Informationen aus dem Außendienst erreichen Marketing und Produktion."));

    static final String[] HEADER = {
        "Welle", "Befragter", "Rolle", "Bereich", "Ausrichtung", "Frage-Nr.", "Frage", "Bewertung", "Kommentar"
    };

    private SurveyCatalog() {}
}
