package io.salesbi.dashboards;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the chart declarations of a page script ({@code s.page('<key>', { charts: [ { id: …, de: …, en: …, … } ] })},
 * see {@code dashboard-charts.js}) and finds what breaks the one way to add a chart (issue #19): a declaration
 * without its id, its German or English caption, its place or what it draws; an id declared twice; a chart drawn
 * under a literal id instead of the declared one; a chart panel written by hand into a template; a chart caption
 * left in the message bundles. A scanner of the little JavaScript the declarations use (strings, comments,
 * brackets), not a JavaScript parser: a declaration it cannot read is reported, never passed.
 */
final class ChartDeclarations {

    /** One chart as its page script declares it: its top-level keys with their source text. */
    record Declared(String script, int line, Map<String, String> keys) {

        String id() {
            return stringValue("id");
        }

        String stringValue(String key) {
            String value = keys.get(key);
            if (value == null || value.length() < 2 || "'\"".indexOf(value.charAt(0)) < 0) {
                return null;
            }
            return value.substring(1, value.length() - 1).replace("\\'", "'").replace("\\\"", "\"");
        }

        String where() {
            return script + ":" + line + (id() == null ? "" : " (" + id() + ")");
        }
    }

    private static final Pattern KEY = Pattern.compile("([A-Za-z_$][\\w$]*)\\s*:");
    private static final Pattern PAGE = Pattern.compile("s\\.page\\(\\s*'([a-z]+)'");
    private static final Pattern CHARTS = Pattern.compile("\\bcharts\\s*:\\s*\\[");
    /** A chart helper called with a literal element id: a chart beside the declarations. */
    private static final Pattern LITERAL_DRAW =
            Pattern.compile("s\\.(bars|heatmap|lines|stacked|waterfall|radar|chart)\\(\\s*['\"]chart-");
    /** What a template may no longer hold: a chart panel is built from its declaration. */
    private static final Pattern HAND_WRITTEN_PANEL = Pattern.compile(
            "<figure\\b|<figcaption\\b|class=\"[^\"]*\\bchart\\b|id=\"chart-", Pattern.CASE_INSENSITIVE);
    /** Message keys that are chart texts of the page scripts' helpers, not captions. */
    private static final List<String> HELPER_TEXTS = List.of("chart.dataTable", "chart.dataTableCategory");

    private ChartDeclarations() {}

    /** The charts the page script declares for {@code page}; a script without {@code s.page} declares none. */
    static List<Declared> read(String script, String name) {
        List<Declared> charts = new ArrayList<>();
        Matcher page = PAGE.matcher(script);
        if (!page.find()) {
            return charts;
        }
        Matcher list = CHARTS.matcher(script);
        if (!list.find(page.end())) {
            return charts;
        }
        int i = list.end();
        while (i < script.length()) {
            i = skipBlank(script, i);
            char c = script.charAt(i);
            if (c == ']') {
                break;
            }
            if (c == ',') {
                i++;
                continue;
            }
            if (c != '{') {
                throw new IllegalArgumentException(name + ":" + line(script, i)
                        + ": a chart declaration is an object literal { id: …, … }, found '" + c + "'");
            }
            int end = closing(script, i, name);
            charts.add(new Declared(name, line(script, i), keys(script.substring(i + 1, end), name)));
            i = end + 1;
        }
        return charts;
    }

    /** What is wrong with the declarations of one page script; empty when every chart is declared the one way. */
    static List<String> problems(String script, String name, String pageKey) {
        List<String> problems = new ArrayList<>();
        Matcher page = PAGE.matcher(script);
        if (page.find() && !page.group(1).equals(pageKey)) {
            problems.add(name + ": declares the page '" + page.group(1) + "', expected '" + pageKey + "'");
        }
        Map<String, Declared> byId = new LinkedHashMap<>();
        for (Declared chart : read(script, name)) {
            for (String caption : List.of("de", "en")) {
                String text = chart.stringValue(caption);
                if (text == null || text.isBlank()) {
                    problems.add(chart.where() + ": no " + ("de".equals(caption) ? "German" : "English") + " caption ("
                            + caption + ": '…'); every chart is named in both page languages");
                }
            }
            if (chart.id() == null || !chart.id().startsWith("chart-")) {
                problems.add(chart.where() + ": no id 'chart-…' (a string literal)");
            } else if (byId.putIfAbsent(chart.id(), chart) != null) {
                problems.add(chart.where() + ": the id " + chart.id() + " is declared twice");
            }
            if (!chart.keys().containsKey("into") && !chart.keys().containsKey("before")) {
                problems.add(chart.where() + ": no place (into: '<container id>' or before: '<element id>')");
            }
            if (!chart.keys().containsKey("draw")) {
                problems.add(chart.where() + ": nothing to draw (draw: function (id, view) { … })");
            }
        }
        Matcher literal = LITERAL_DRAW.matcher(script);
        while (literal.find()) {
            problems.add(name + ":" + line(script, literal.start()) + ": s." + literal.group(1)
                    + "('chart-…') draws a chart outside the declarations; declare it and draw it under its id");
        }
        return problems;
    }

    /** Chart panels written by hand into a template, one problem per line. */
    static List<String> templateProblems(String html, String name) {
        List<String> problems = new ArrayList<>();
        Matcher panel = HAND_WRITTEN_PANEL.matcher(html);
        while (panel.find()) {
            problems.add(name + ":" + line(html, panel.start()) + ": a hand-written chart panel ('" + panel.group()
                    + "'); declare the chart in the page script instead, its panel is built from the declaration");
        }
        return problems;
    }

    /** Chart captions left in a message bundle: a caption lives in its chart's declaration. */
    static List<String> messageProblems(Map<String, String> messages, String name) {
        return messages.keySet().stream()
                .filter(key -> key.startsWith("chart.") && !HELPER_TEXTS.contains(key))
                .map(key -> name + ": " + key + " looks like a chart caption; captions live in the chart's declaration")
                .toList();
    }

    private static Map<String, String> keys(String body, String name) {
        Map<String, String> keys = new LinkedHashMap<>();
        int i = 0;
        while (true) {
            i = skipBlank(body, i);
            if (i >= body.length()) {
                return keys;
            }
            Matcher key = KEY.matcher(body);
            if (!key.find(i) || key.start() != i) {
                throw new IllegalArgumentException(
                        name + ": cannot read the chart declaration at '" + snippet(body, i) + "'");
            }
            int start = skipBlank(body, key.end());
            int end = valueEnd(body, start, name);
            keys.put(key.group(1), body.substring(start, end).trim());
            i = end < body.length() && body.charAt(end) == ',' ? end + 1 : end;
        }
    }

    /** The end of the value starting at {@code start}: the next comma or the end outside brackets and strings. */
    private static int valueEnd(String text, int start, String name) {
        int i = start;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == '\'' || c == '"') {
                i = stringEnd(text, i, name) + 1;
            } else if (c == '/' && i + 1 < text.length() && (text.charAt(i + 1) == '*' || text.charAt(i + 1) == '/')) {
                i = skipBlank(text, i);
            } else if (c == '{' || c == '[' || c == '(') {
                i = closing(text, i, name) + 1;
            } else if (c == ',') {
                return i;
            } else {
                i++;
            }
        }
        return i;
    }

    /** The index of the bracket closing the one at {@code open}, past strings and comments. */
    private static int closing(String text, int open, String name) {
        int depth = 0;
        int i = open;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (text.startsWith("/*", i) || text.startsWith("//", i)) {
                i = skipBlank(text, i);
                continue;
            }
            if (c == '\'' || c == '"') {
                i = stringEnd(text, i, name);
            } else if (c == '{' || c == '[' || c == '(') {
                depth++;
            } else if (c == '}' || c == ']' || c == ')') {
                depth--;
                if (depth == 0) {
                    return i;
                }
            }
            i++;
        }
        throw new IllegalArgumentException(
                name + ": unclosed '" + text.charAt(open) + "' at '" + snippet(text, open) + "'");
    }

    private static int stringEnd(String text, int quote, String name) {
        char q = text.charAt(quote);
        for (int i = quote + 1; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == q) {
                return i;
            } else if (c == '\n') {
                break;
            }
        }
        throw new IllegalArgumentException(name + ": unclosed string at '" + snippet(text, quote) + "'");
    }

    /** Past white space and comments. */
    private static int skipBlank(String text, int from) {
        int i = from;
        while (i < text.length()) {
            if (Character.isWhitespace(text.charAt(i))) {
                i++;
            } else if (text.startsWith("/*", i)) {
                int end = text.indexOf("*/", i + 2);
                i = end < 0 ? text.length() : end + 2;
            } else if (text.startsWith("//", i)) {
                int end = text.indexOf('\n', i);
                i = end < 0 ? text.length() : end + 1;
            } else {
                break;
            }
        }
        return i;
    }

    private static int line(String text, int index) {
        int line = 1;
        for (int i = 0; i < index && i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                line++;
            }
        }
        return line;
    }

    private static String snippet(String text, int index) {
        return text.substring(index, Math.min(text.length(), index + 40)).replace('\n', ' ');
    }
}
