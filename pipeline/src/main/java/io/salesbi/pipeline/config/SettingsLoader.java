package io.salesbi.pipeline.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.salesbi.pipeline.config.SalesbiSettings.AlertConfig;
import io.salesbi.pipeline.config.SalesbiSettings.EmailConfig;
import io.salesbi.pipeline.config.SalesbiSettings.MatchConfig;
import io.salesbi.pipeline.config.SalesbiSettings.RetentionConfig;
import io.salesbi.pipeline.config.SalesbiSettings.ServerConfig;
import io.salesbi.pipeline.config.SalesbiSettings.UserConfig;
import io.salesbi.server.QueryLimits;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Reads {@code salesbi.yaml} (all keys optional) into {@link SalesbiSettings} and validates it, collecting one
 * clear message per problem so that a steward can fix the file in one go.
 */
public final class SettingsLoader {

    private static final Set<String> TOP_LEVEL_KEYS = Set.of("home", "inbox", "archive", "error", "warehouse",
            "job-repository", "dashboards", "mappings", "locale", "file-settle-millis", "ready-marker", "home-currency", "kpi", "match",
            "server", "alerts", "retention");

    private SettingsLoader() {
    }

    /** Settings with every default, rooted at {@code home}. */
    public static SalesbiSettings defaults(Path home) {
        try {
            return load(null, home);
        } catch (InvalidSettingsException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Loads {@code configFile} (may be null: defaults only). {@code homeOverride}, when given, replaces the
     * file's {@code home}. Relative paths in the file are resolved against the file's folder.
     */
    public static SalesbiSettings load(Path configFile, Path homeOverride) throws InvalidSettingsException {
        JsonNode root;
        Path base;
        String origin;
        if (configFile == null) {
            root = new ObjectMapper().createObjectNode();
            base = Path.of("").toAbsolutePath();
            origin = "defaults";
        } else {
            origin = configFile.toString();
            base = configFile.toAbsolutePath().getParent();
            try {
                root = new ObjectMapper(new YAMLFactory()).readTree(Files.readString(configFile));
            } catch (IOException e) {
                throw new InvalidSettingsException(List.of(configFile + ": cannot be read as YAML: " + e.getMessage()));
            }
            if (root == null || root.isMissingNode() || root.isNull()) {
                root = new ObjectMapper().createObjectNode();
            }
        }
        List<String> problems = new ArrayList<>();
        for (Iterator<String> it = root.fieldNames(); it.hasNext(); ) {
            String key = it.next();
            if (!TOP_LEVEL_KEYS.contains(key)) {
                problems.add(origin + ": unknown key '" + key + "'; expected one of " + TOP_LEVEL_KEYS);
            }
        }
        Path home = homeOverride != null ? homeOverride.toAbsolutePath()
                : base.resolve(text(root, "home", ".")).normalize();
        Path inbox = path(root, "inbox", base, home.resolve("inbox"));
        Path archive = path(root, "archive", base, home.resolve("archive"));
        Path error = path(root, "error", base, home.resolve("error"));
        Path warehouse = path(root, "warehouse", base, home.resolve("warehouse/salesbi.duckdb"));
        Path jobRepository = path(root, "job-repository", base, home.resolve("warehouse/batch-metadata"));
        Path dashboards = path(root, "dashboards", base, home.resolve("dashboards"));
        Path mappings = root.has("mappings") ? base.resolve(root.get("mappings").asText()).normalize() : null;
        if (mappings != null && !Files.isDirectory(mappings)) {
            problems.add(origin + ": mappings: folder " + mappings + " does not exist");
        }
        String localeTag = text(root, "locale", "de");
        if (!localeTag.equals("de") && !localeTag.equals("en")) {
            problems.add(origin + ": locale: '" + localeTag + "' is not supported; expected de or en");
        }
        long settle = root.path("file-settle-millis").asLong(1000);
        if (settle < 0) {
            problems.add(origin + ": file-settle-millis must be >= 0, was " + settle);
        }
        String marker = text(root, "ready-marker", "none").strip().toLowerCase(Locale.ROOT);
        if (!List.of("none", "done", "ok").contains(marker)) {
            problems.add(origin + ": ready-marker: '" + marker + "' is not supported; expected none, done or ok");
        }
        String readyMarker = marker.equals("done") || marker.equals("ok") ? "." + marker : null;
        Map<String, String> kpi = new LinkedHashMap<>();
        root.path("kpi").fields().forEachRemaining(e -> kpi.put(e.getKey().replace('-', '_'), e.getValue().asText()));
        for (Map.Entry<String, String> e : kpi.entrySet()) {
            if (e.getKey().endsWith("_eur") || e.getKey().endsWith("_cutoff")) {
                try {
                    if (Double.parseDouble(e.getValue()) < 0) {
                        problems.add(origin + ": kpi." + e.getKey() + " must not be negative, was " + e.getValue());
                    }
                } catch (NumberFormatException nfe) {
                    problems.add(origin + ": kpi." + e.getKey() + " must be a number, was '" + e.getValue() + "'");
                }
            }
        }
        String homeCurrency = text(root, "home-currency", "EUR").strip().toUpperCase(Locale.ROOT);
        if (!homeCurrency.matches("[A-Z]{3}")) {
            problems.add(origin + ": home-currency: '" + homeCurrency + "' is not an ISO 4217 code such as EUR or CHF");
        }
        // the currency of order lines and debtors whose file names none: a parameter of the SQL layer
        kpi.putIfAbsent("home_currency", homeCurrency);
        JsonNode m = root.path("match");
        double matchThreshold = m.path("match-threshold").asDouble(0.9);
        double reviewThreshold = m.path("review-threshold").asDouble(0.5);
        if (!(0 < reviewThreshold && reviewThreshold <= matchThreshold && matchThreshold < 1)) {
            problems.add(origin + ": match: expected 0 < review-threshold <= match-threshold < 1, was "
                    + reviewThreshold + " and " + matchThreshold);
        }
        Path overrides = m.has("overrides-file") ? base.resolve(m.get("overrides-file").asText()).normalize()
                : home.resolve("config/match-overrides.csv");
        ServerConfig server = server(root.path("server"), origin, problems);
        AlertConfig alerts = alerts(root.path("alerts"), origin, problems);
        RetentionConfig retention = retention(root.path("retention"), origin, problems);
        if (!problems.isEmpty()) {
            throw new InvalidSettingsException(problems);
        }
        return new SalesbiSettings(home, inbox, archive, error, warehouse, jobRepository, dashboards, mappings,
                Locale.forLanguageTag(localeTag), settle, readyMarker, Map.copyOf(kpi),
                new MatchConfig(matchThreshold, reviewThreshold, overrides), server, alerts, retention);
    }

    private static final List<String> RETENTION_KEYS = List.of("archive-days", "error-days", "quarantine-days",
            "run-history-days");

    /** {@code retention:} days per kind; a missing key keeps that kind for ever. */
    private static RetentionConfig retention(JsonNode r, String origin, List<String> problems) {
        if (r.isMissingNode() || r.isNull()) {
            return RetentionConfig.keepAll();
        }
        r.fieldNames().forEachRemaining(key -> {
            if (!RETENTION_KEYS.contains(key)) {
                problems.add(origin + ": retention: unknown key '" + key + "'; expected one of " + RETENTION_KEYS);
            }
        });
        Integer[] days = new Integer[RETENTION_KEYS.size()];
        for (int i = 0; i < days.length; i++) {
            String key = RETENTION_KEYS.get(i);
            JsonNode n = r.get(key);
            if (n == null || n.isNull()) {
                continue;
            }
            if (!n.canConvertToInt() || !n.isIntegralNumber() || n.asInt() < 1) {
                problems.add(origin + ": retention." + key + " must be a whole number of days >= 1, was "
                        + n.asText());
            } else {
                days[i] = n.asInt();
            }
        }
        return new RetentionConfig(days[0], days[1], days[2], days[3]);
    }

    private static ServerConfig server(JsonNode s, String origin, List<String> problems) {
        String host = s.path("host").asText("127.0.0.1");
        int port = s.path("port").asInt(8765);
        if (port < 0 || port > 65535) {
            problems.add(origin + ": server.port must be between 0 and 65535, was " + port);
        }
        String cron = s.path("cron").asText("0 0 2 * * *");
        try {
            org.springframework.scheduling.support.CronExpression.parse(cron);
        } catch (IllegalArgumentException e) {
            problems.add(origin + ": server.cron '" + cron + "' is not a cron expression (second minute hour day month weekday): " + e.getMessage());
        }
        Map<String, UserConfig> users = new LinkedHashMap<>();
        s.path("users").fields().forEachRemaining(e -> {
            JsonNode u = e.getValue();
            String hash = u.path("password-hash").asText(null);
            if (hash == null) {
                problems.add(origin + ": server.users." + e.getKey() + " has no password-hash (create one with 'salesbi hash-password')");
            }
            List<String> roles = new ArrayList<>();
            u.path("roles").forEach(r -> roles.add(r.asText()));
            List<String> regions = new ArrayList<>();
            u.path("regions").forEach(r -> regions.add(r.asText()));
            users.put(e.getKey(), new UserConfig(hash, List.copyOf(roles), List.copyOf(regions)));
        });
        return new ServerConfig(host, port, cron, s.path("allow-anonymous").asBoolean(false), Map.copyOf(users),
                queryLimits(s, origin, problems));
    }

    /** The JDBC endpoint's query limits; each key defaults to {@link QueryLimits#DEFAULT}. */
    private static QueryLimits queryLimits(JsonNode s, String origin, List<String> problems) {
        QueryLimits d = QueryLimits.DEFAULT;
        try {
            return new QueryLimits(
                    Duration.ofSeconds(s.path("query-timeout-seconds").asLong(d.defaultTimeout().toSeconds())),
                    Duration.ofSeconds(s.path("max-query-timeout-seconds").asLong(d.maxTimeout().toSeconds())),
                    s.path("max-concurrent-queries").asInt(d.maxConcurrent()),
                    s.path("max-concurrent-queries-per-user").asInt(d.maxConcurrentPerUser()),
                    s.path("max-queued-queries").asInt(d.maxQueued()),
                    Duration.ofSeconds(s.path("queue-wait-seconds").asLong(d.queueWait().toSeconds())));
        } catch (IllegalArgumentException e) {
            problems.add(origin + ": server query limits: " + e.getMessage());
            return d;
        }
    }

    private static AlertConfig alerts(JsonNode a, String origin, List<String> problems) {
        if (a.isMissingNode() || a.isNull()) {
            return AlertConfig.none();
        }
        EmailConfig email = null;
        JsonNode e = a.path("email");
        if (!e.isMissingNode()) {
            List<String> to = new ArrayList<>();
            e.path("to").forEach(t -> to.add(t.asText()));
            String host = e.path("smtp-host").asText(null);
            String from = e.path("from").asText(null);
            if (host == null) {
                problems.add(origin + ": alerts.email.smtp-host is missing");
            }
            if (from == null || !from.contains("@")) {
                problems.add(origin + ": alerts.email.from must be an e-mail address, was " + from);
            }
            if (to.isEmpty() || to.stream().anyMatch(t -> !t.contains("@"))) {
                problems.add(origin + ": alerts.email.to must list e-mail addresses, was " + to);
            }
            email = new EmailConfig(host, e.path("smtp-port").asInt(25), e.path("starttls").asBoolean(false),
                    e.path("username").asText(null), e.path("password").asText(null), from, List.copyOf(to));
        }
        String webhook = a.path("webhook").asText(null);
        if (webhook != null && !webhook.startsWith("http://") && !webhook.startsWith("https://")) {
            problems.add(origin + ": alerts.webhook must be an http:// or https:// URL, was " + webhook);
        }
        return new AlertConfig(a.path("on-success").asBoolean(false), email, webhook);
    }

    private static String text(JsonNode root, String key, String fallback) {
        JsonNode n = root.get(key);
        return n == null || n.isNull() ? fallback : n.asText();
    }

    private static Path path(JsonNode root, String key, Path base, Path fallback) {
        JsonNode n = root.get(key);
        return n == null || n.isNull() ? fallback : base.resolve(n.asText()).normalize();
    }
}
