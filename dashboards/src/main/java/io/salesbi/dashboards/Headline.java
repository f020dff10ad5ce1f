package io.salesbi.dashboards;

/**
 * One headline KPI card: its value this year, the change against last year and a sentence on what moved.
 *
 * @param trend up, down or flat; styles the change arrow
 */
record Headline(String key, String label, String value, String change, String trend, String sentence) {
}
