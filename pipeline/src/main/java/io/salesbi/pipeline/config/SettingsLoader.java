package io.salesbi.pipeline.config;

import io.salesbi.connectors.yaml.BoundYaml;
import io.salesbi.connectors.yaml.YamlBinder;
import io.salesbi.dashboards.DashboardPages;
import io.salesbi.pipeline.config.SalesbiSettings.AlertConfig;
import io.salesbi.pipeline.config.SalesbiSettings.EmailConfig;
import io.salesbi.pipeline.config.SalesbiSettings.MatchConfig;
import io.salesbi.pipeline.config.SalesbiSettings.RetentionConfig;
import io.salesbi.pipeline.config.SalesbiSettings.ServerConfig;
import io.salesbi.pipeline.config.SalesbiSettings.SubscriptionConfig;
import io.salesbi.pipeline.config.SalesbiSettings.SubscriptionsConfig;
import io.salesbi.pipeline.config.SalesbiSettings.UserConfig;
import io.salesbi.pipeline.config.SettingsFile.Alerts;
import io.salesbi.pipeline.config.SettingsFile.Email;
import io.salesbi.pipeline.config.SettingsFile.ReadyMarker;
import io.salesbi.pipeline.config.SettingsFile.Server;
import io.salesbi.server.LoginLimits;
import io.salesbi.server.QueryLimits;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.springframework.scheduling.support.CronExpression;

/**
 * Reads {@code salesbi.yaml} into {@link SettingsFile} (all keys optional; {@link YamlBinder} reports unknown keys,
 * wrong types and values out of range), checks what spans keys, and resolves paths and defaults into
 * {@link SalesbiSettings}. Every problem of the file comes at once, each with file:line:column and the key, so that a
 * steward fixes the file in one go.
 */
public final class SettingsLoader {

    /**
     * Which source leads a customer's history when several deliver it, most trusted first: today's order, in which
     * the CRM leads (it was {@code min(source_system)} before it was declared).
     */
    public static final List<String> DEFAULT_SOURCE_PRECEDENCE = List.of("crm", "erp", "excel");

    /** The word a subscription's {@code pages} takes for every page. */
    public static final String ALL_PAGES = "all";

    private SettingsLoader() {}

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
        String text;
        Path base;
        if (configFile == null) {
            text = "{}";
            base = Path.of("").toAbsolutePath();
        } else {
            base = configFile.toAbsolutePath().getParent();
            try {
                text = Files.readString(configFile);
            } catch (IOException e) {
                throw new InvalidSettingsException(List.of(configFile + ": cannot be read: " + e.getMessage()));
            }
            if (text.lines().allMatch(l -> l.isBlank() || l.strip().startsWith("#"))) {
                text = "{}"; // a file of comments only: every default
            }
        }
        BoundYaml<SettingsFile> file =
                YamlBinder.bind(configFile == null ? "defaults" : configFile.toString(), text, SettingsFile.class);
        SettingsFile f = file.value();
        if (f == null) {
            throw new InvalidSettingsException(file.problems());
        }
        Path home = homeOverride != null
                ? homeOverride.toAbsolutePath()
                : base.resolve(Objects.requireNonNullElse(f.home(), ".")).normalize();
        Path mappings = f.mappings() == null ? null : base.resolve(f.mappings()).normalize();
        if (mappings != null && !Files.isDirectory(mappings)) {
            file.problem("/mappings", "key 'mappings': folder " + mappings + " does not exist");
        }
        Map<String, String> kpi = new LinkedHashMap<>();
        Map<String, String> kpiLocations = new LinkedHashMap<>();
        f.kpi().forEach((key, value) -> {
            String name = key.replace('-', '_');
            kpi.put(name, value);
            kpiLocations.put(name, file.location("/kpi/" + key));
            if (value != null && (name.endsWith("_eur") || name.endsWith("_cutoff"))) {
                checkNonNegativeNumber(file, key, value);
            }
        });
        // the currency of order lines and debtors whose file names none: a parameter of the SQL layer
        kpi.putIfAbsent(
                "home_currency",
                Objects.requireNonNullElse(f.homeCurrency(), "EUR").toUpperCase(Locale.ROOT));
        // the order in which sources lead a golden customer's history: a parameter of the SQL layer
        List<String> precedence = Objects.requireNonNullElse(f.sourcePrecedence(), DEFAULT_SOURCE_PRECEDENCE);
        for (int i = 0; i < precedence.size(); i++) {
            if (precedence.get(i) != null && precedence.indexOf(precedence.get(i)) < i) {
                file.problem(
                        "/source-precedence/" + i,
                        "key 'source-precedence[" + i + "]': '" + precedence.get(i) + "' is listed twice");
            }
        }
        kpi.putIfAbsent("source_precedence", String.join(",", precedence));
        MatchConfig match = new MatchConfig(
                Objects.requireNonNullElse(f.match().matchThreshold(), 0.9),
                Objects.requireNonNullElse(f.match().reviewThreshold(), 0.5),
                f.match().overridesFile() == null
                        ? home.resolve("config/match-overrides.csv")
                        : base.resolve(f.match().overridesFile()).normalize(),
                f.match().sourcesWithoutDuplicates() == null
                        ? java.util.Set.of()
                        : new java.util.TreeSet<>(f.match().sourcesWithoutDuplicates()));
        if (match.reviewThreshold() > match.matchThreshold()) {
            file.problem(
                    "/match",
                    "key 'match': expected 0 < review-threshold <= match-threshold < 1, was " + match.reviewThreshold()
                            + " and " + match.matchThreshold());
        }
        Locale locale = Locale.forLanguageTag(Objects.requireNonNullElse(f.locale(), "de"));
        SubscriptionsConfig subscriptions = subscriptions(f.subscriptions(), file);
        ServerConfig server = server(f.server(), base, file, locale, subscriptions);
        AlertConfig alerts = alerts(f.alerts());
        if (file.hasProblems()) {
            throw new InvalidSettingsException(file.problems());
        }
        ReadyMarker marker = Objects.requireNonNullElse(f.readyMarker(), ReadyMarker.NONE);
        return new SalesbiSettings(
                home,
                path(f.inbox(), base, home.resolve("inbox")),
                path(f.archive(), base, home.resolve("archive")),
                path(f.error(), base, home.resolve("error")),
                path(f.warehouse(), base, home.resolve("warehouse/salesbi.duckdb")),
                path(f.jobRepository(), base, home.resolve("warehouse/batch-metadata")),
                path(f.dashboards(), base, home.resolve("dashboards")),
                mappings,
                locale,
                Objects.requireNonNullElse(f.fileSettleMillis(), 1000L),
                marker == ReadyMarker.NONE ? null : "." + marker.name().toLowerCase(Locale.ROOT),
                Collections.unmodifiableMap(kpi),
                Collections.unmodifiableMap(kpiLocations),
                match,
                server,
                alerts,
                retention(f.retention()),
                subscriptions);
    }

    private static void checkNonNegativeNumber(BoundYaml<?> file, String key, String value) {
        try {
            if (Double.parseDouble(value) < 0) {
                file.problem("/kpi/" + key, "key 'kpi." + key + "': " + value + " must not be negative");
            }
        } catch (NumberFormatException e) {
            file.problem("/kpi/" + key, "key 'kpi." + key + "' must be a number, found '" + value + "'");
        }
    }

    private static ServerConfig server(
            Server s, Path base, BoundYaml<?> file, Locale locale, SubscriptionsConfig subscriptions) {
        String cron = Objects.requireNonNullElse(s.cron(), "0 0 2 * * *");
        try {
            CronExpression.parse(cron);
        } catch (IllegalArgumentException e) {
            file.problem(
                    "/server/cron",
                    "key 'server.cron': '" + cron + "' is not a cron expression (second minute"
                            + " hour day month weekday): " + e.getMessage());
        }
        Map<String, UserConfig> users = new LinkedHashMap<>();
        if (s.users() != null) {
            s.users().forEach((name, u) -> {
                if (u != null) {
                    users.put(
                            name,
                            new UserConfig(
                                    u.passwordHash(),
                                    copy(u.roles()),
                                    copy(u.regions()),
                                    subscription(name, u.subscription(), file, locale, subscriptions)));
                }
            });
        }
        QueryLimits d = QueryLimits.DEFAULT;
        QueryLimits limits = d;
        try {
            limits = new QueryLimits(
                    Duration.ofSeconds(Objects.requireNonNullElse(
                            s.queryTimeoutSeconds(), d.defaultTimeout().toSeconds())),
                    Duration.ofSeconds(Objects.requireNonNullElse(
                            s.maxQueryTimeoutSeconds(), d.maxTimeout().toSeconds())),
                    Objects.requireNonNullElse(s.maxConcurrentQueries(), d.maxConcurrent()),
                    Objects.requireNonNullElse(s.maxConcurrentQueriesPerUser(), d.maxConcurrentPerUser()),
                    Objects.requireNonNullElse(s.maxQueuedQueries(), d.maxQueued()),
                    Duration.ofSeconds(Objects.requireNonNullElse(
                            s.queueWaitSeconds(), d.queueWait().toSeconds())));
        } catch (IllegalArgumentException e) {
            file.problem("/server", "server query limits: " + e.getMessage());
        }
        LoginLimits l = LoginLimits.DEFAULT;
        LoginLimits logins = l;
        try {
            logins = new LoginLimits(
                    Objects.requireNonNullElse(s.loginFreeFailuresPerUser(), l.freeFailuresPerUser()),
                    Objects.requireNonNullElse(s.loginFreeFailuresPerAddress(), l.freeFailuresPerAddress()),
                    Duration.ofSeconds(Objects.requireNonNullElse(
                            s.loginBackoffSeconds(), l.backoff().toSeconds())),
                    Duration.ofSeconds(Objects.requireNonNullElse(
                            s.loginMaxBackoffSeconds(), l.maxBackoff().toSeconds())),
                    Objects.requireNonNullElse(s.loginLockoutFailures(), l.lockoutFailures()),
                    Duration.ofMinutes(Objects.requireNonNullElse(
                            s.loginLockoutMinutes(), l.lockout().toMinutes())));
        } catch (IllegalArgumentException e) {
            file.problem("/server", "server login limits: " + e.getMessage());
        }
        return new ServerConfig(
                Objects.requireNonNullElse(s.host(), "127.0.0.1"),
                Objects.requireNonNullElse(s.port(), 8765),
                cron,
                Boolean.TRUE.equals(s.allowAnonymous()),
                Map.copyOf(users),
                limits,
                logins,
                keystore(s, base, file),
                s.keystorePasswordEnv());
    }

    /**
     * The keystore of {@code server.keystore}, resolved against salesbi.yaml's folder; it must exist, and its password
     * comes from the environment variable {@code server.keystore-password-env} names (read when the server starts).
     */
    private static Path keystore(Server s, Path base, BoundYaml<?> file) {
        if (s.keystore() == null) {
            if (s.keystorePasswordEnv() != null) {
                file.problem(
                        "/server/keystore-password-env",
                        "key 'server.keystore-password-env' is set but 'server.keystore' is not: name the keystore"
                                + " (PKCS12 or JKS) that turns on HTTPS, or remove the key");
            }
            return null;
        }
        Path keystore = base.resolve(s.keystore()).normalize();
        if (!Files.isRegularFile(keystore)) {
            file.problem(
                    "/server/keystore",
                    "key 'server.keystore': no file " + keystore + " (expected a PKCS12 or JKS keystore, e.g. made"
                            + " with keytool -genkeypair ... -storetype PKCS12)");
        }
        if (s.keystorePasswordEnv() == null) {
            file.problem(
                    "/server/keystore",
                    "key 'server.keystore' needs 'server.keystore-password-env': the name of the environment variable"
                            + " that holds the keystore's password (the password is never written in salesbi.yaml)");
        }
        return keystore;
    }

    /**
     * The SMTP server of the subscriptions, or null without a {@code subscriptions:} block. A user name needs the
     * name of the environment variable that holds its password: the password itself is never written in the file.
     */
    private static SubscriptionsConfig subscriptions(SettingsFile.Subscriptions s, BoundYaml<?> file) {
        if (s == null) {
            return null;
        }
        if (s.username() != null && s.passwordEnv() == null) {
            file.problem(
                    "/subscriptions/username",
                    "key 'subscriptions.username' needs 'password-env': the name of the environment variable that "
                            + "holds the SMTP password (the password is never written in salesbi.yaml)");
        }
        String baseUrl = s.baseUrl() == null || s.baseUrl().endsWith("/") ? s.baseUrl() : s.baseUrl() + "/";
        return new SubscriptionsConfig(
                s.smtpHost(),
                Objects.requireNonNullElse(s.smtpPort(), 25),
                Boolean.TRUE.equals(s.starttls()),
                s.username(),
                s.passwordEnv(),
                s.from(),
                baseUrl,
                Objects.requireNonNullElse(s.maxAttempts(), 3),
                Duration.ofMinutes(Objects.requireNonNullElse(s.retryMinutes(), 10)),
                Duration.ofSeconds(Objects.requireNonNullElse(s.checkSeconds(), 60)),
                Objects.requireNonNullElse(s.maxAttachmentMb(), 15) * 1024L * 1024L);
    }

    /** A user's subscription, its pages checked against the pages a night renders; null when there is none. */
    private static SubscriptionConfig subscription(
            String user,
            SettingsFile.Subscription s,
            BoundYaml<?> file,
            Locale defaultLocale,
            SubscriptionsConfig subscriptions) {
        if (s == null) {
            return null;
        }
        String at = "/server/users/" + user + "/subscription";
        String key = "key 'server.users." + user + ".subscription";
        if (subscriptions == null) {
            file.problem(
                    at,
                    key + "' needs the SMTP server that sends it: add a 'subscriptions:' block with smtp-host and "
                            + "from");
        }
        List<String> pages = copy(s.pages());
        List<String> known = DashboardPages.keys();
        if (pages.isEmpty() || pages.equals(List.of(ALL_PAGES))) {
            pages = known;
        } else {
            for (int i = 0; i < pages.size(); i++) {
                String page = pages.get(i);
                if (!known.contains(page)) {
                    file.problem(
                            at + "/pages/" + i,
                            key + ".pages[" + i + "]': '" + page + "' is not a page; expected 'all' or some of "
                                    + known);
                } else if (pages.indexOf(page) < i) {
                    file.problem(at + "/pages/" + i, key + ".pages[" + i + "]': '" + page + "' is listed twice");
                }
            }
        }
        boolean link = s.delivery() == SettingsFile.Delivery.LINK;
        if (link && subscriptions != null && subscriptions.baseUrl() == null) {
            file.problem(
                    at + "/delivery",
                    key + ".delivery': link needs 'subscriptions.base-url', the address under which users open the "
                            + "served pages (e.g. https://bi.example.com/dashboards/)");
        }
        Locale locale = s.locale() == null ? defaultLocale : Locale.forLanguageTag(s.locale());
        return new SubscriptionConfig(s.email(), locale, pages, link);
    }

    private static RetentionConfig retention(SettingsFile.Retention r) {
        return r == null
                ? RetentionConfig.keepAll()
                : new RetentionConfig(r.archiveDays(), r.errorDays(), r.quarantineDays(), r.runHistoryDays());
    }

    private static AlertConfig alerts(Alerts a) {
        if (a == null) {
            return AlertConfig.none();
        }
        Email e = a.email();
        EmailConfig email = e == null
                ? null
                : new EmailConfig(
                        e.smtpHost(),
                        Objects.requireNonNullElse(e.smtpPort(), 25),
                        Boolean.TRUE.equals(e.starttls()),
                        e.username(),
                        e.password(),
                        e.from(),
                        copy(e.to()));
        return new AlertConfig(Boolean.TRUE.equals(a.onSuccess()), email, a.webhook());
    }

    /** The list without empty entries (each already reported), never null. */
    private static List<String> copy(List<String> list) {
        return list == null ? List.of() : list.stream().filter(Objects::nonNull).toList();
    }

    private static Path path(String value, Path base, Path fallback) {
        return value == null ? fallback : base.resolve(value).normalize();
    }
}
