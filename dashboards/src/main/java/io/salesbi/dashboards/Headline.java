package io.salesbi.dashboards;

/**
 * One headline KPI card: its value this year (amounts in T€ / Mio. €), the change against last year and a sentence
 * on what moved.
 *
 * @param trend up, down or flat; styles the change arrow
 * @param exact the value to the cent, the card's tooltip (the value itself where it is not an amount)
 */
record Headline(String key, String label, String value, String change, String trend, String sentence, String exact) {

    Headline(String key, String label, String value, String change, String trend, String sentence) {
        this(key, label, value, change, trend, sentence, value);
    }
}
