package io.salesbi.pipeline.config;

import io.salesbi.server.LoginLimits;
import io.salesbi.server.QueryLimits;
import io.salesbi.server.UserAccount;
import io.salesbi.sql.RegionScope;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Everything a salesbi installation is configured with, typed and validated at start-up
 * ({@link SettingsLoader}). Folders default to sub-folders of {@code home}.
 *
 * @param home           the installation folder
 * @param inbox          where sources drop files: one sub-folder per source (crm, erp, excel, market, costs, service)
 * @param archive        loaded files, by source
 * @param error          rejected files with a reason file beside each, by source
 * @param warehouse      the DuckDB file
 * @param jobRepository  the H2 file (without extension) holding Spring Batch's run metadata, for restarts
 * @param dashboards     where the nightly job writes the HTML dashboards
 * @param mappings       a folder of source mapping files; null for the bundled ones
 * @param locale         dashboard language and number format (de or en)
 * @param fileSettleMillis a file is picked up only when unchanged for this long (still being written otherwise)
 * @param readyMarker    the suffix of the marker file a sender writes when a file is complete ({@code .done} or
 *                       {@code .ok}: {@code orders.csv} is then taken only beside {@code orders.csv.done}); null
 *                       when files are taken without a marker ({@code ready-marker: none}, the default)
 * @param kpi            KPI parameters handed to the SQL layer (ops.parameter), e.g. cost_per_visit_eur, with
 *                       home_currency and source_precedence (salesbi.yaml's home-currency and source-precedence)
 * @param kpiLocations   where each configured KPI parameter is written ({@code salesbi.yaml:12:3}), by the same
 *                       names as {@code kpi}, so that a key the SQL layer does not declare is reported at its line
 * @param match          thresholds and the steward's overrides file
 * @param server         the JDBC and dashboard server
 * @param alerts         who is told how a night went
 * @param retention      how long archived and rejected files, quarantined rows and run history are kept
 * @param subscriptions  the SMTP server that mails the pages to subscribed users after a night, or null
 */
public record SalesbiSettings(
        Path home,
        Path inbox,
        Path archive,
        Path error,
        Path warehouse,
        Path jobRepository,
        Path dashboards,
        Path mappings,
        Locale locale,
        long fileSettleMillis,
        String readyMarker,
        Map<String, String> kpi,
        Map<String, String> kpiLocations,
        MatchConfig match,
        ServerConfig server,
        AlertConfig alerts,
        RetentionConfig retention,
        SubscriptionsConfig subscriptions) {

    /**
     * The regions of each regional manager among {@code server.users} (role {@value UserAccount#REGIONAL_MANAGER}),
     * once per distinct set: the night renders one regional page set for each, and {@code serve} gives each such
     * manager the set of their regions.
     */
    public List<RegionScope> regionalPageSets() {
        Set<RegionScope> scopes = new LinkedHashSet<>();
        if (server != null && server.users() != null) {
            server.users().values().stream()
                    .filter(user -> user.roles() != null && user.roles().contains(UserAccount.REGIONAL_MANAGER))
                    .filter(user -> user.regions() != null && !user.regions().isEmpty())
                    .forEach(user -> scopes.add(RegionScope.of(user.regions())));
        }
        return List.copyOf(scopes);
    }

    /**
     * How many days what a night leaves behind is kept; null keeps it for ever (the default: nothing is deleted
     * unless the installation says so). Purged at the end of every night ({@code retention:} in salesbi.yaml).
     *
     * @param archiveDays    loaded files in the archive, by the time they were archived
     * @param errorDays      rejected files (and their reason files) in the error folder
     * @param quarantineDays quarantined rows, by the time their file was loaded
     * @param runHistoryDays the nights' step records, file outcomes and verdicts, the night log files and ops.audit
     */
    public record RetentionConfig(
            Integer archiveDays, Integer errorDays, Integer quarantineDays, Integer runHistoryDays) {

        public static RetentionConfig keepAll() {
            return new RetentionConfig(null, null, null, null);
        }
    }

    /**
     * Matching thresholds (match probability), the steward's overrides file and the source systems declared to hold
     * no duplicates (their records are linked to other sources' records but never merged with each other).
     */
    public record MatchConfig(
            double matchThreshold,
            double reviewThreshold,
            Path overridesFile,
            java.util.Set<String> sourcesWithoutDuplicates) {

        public MatchConfig {
            sourcesWithoutDuplicates = sourcesWithoutDuplicates == null
                    ? java.util.Set.of()
                    : java.util.Set.copyOf(sourcesWithoutDuplicates);
        }
    }

    /**
     * The server started by {@code salesbi serve}.
     *
     * @param limits query timeouts and how many queries may run and wait at once ({@code server.query-timeout-seconds},
     *               {@code max-query-timeout-seconds}, {@code max-concurrent-queries},
     *               {@code max-concurrent-queries-per-user}, {@code max-queued-queries}, {@code queue-wait-seconds})
     * @param logins how failed logins are throttled and locked ({@code server.login-free-failures-per-user},
     *               {@code login-free-failures-per-address}, {@code login-backoff-seconds},
     *               {@code login-max-backoff-seconds}, {@code login-lockout-failures},
     *               {@code login-lockout-minutes})
     * @param keystore the keystore that turns on HTTPS ({@code server.keystore}), or null for plain HTTP
     * @param keystorePasswordEnv the environment variable holding the keystore's password
     *               ({@code server.keystore-password-env}); set exactly when {@code keystore} is
     */
    public record ServerConfig(
            String host,
            int port,
            String cron,
            boolean allowAnonymous,
            Map<String, UserConfig> users,
            QueryLimits limits,
            LoginLimits logins,
            Path keystore,
            String keystorePasswordEnv) {

        /**
         * The keystore's password from the environment variable the settings name.
         *
         * @throws IllegalStateException naming the variable when it is unset or empty
         */
        public String keystorePassword(java.util.function.UnaryOperator<String> environment) {
            String password = environment.apply(keystorePasswordEnv);
            if (password == null || password.isEmpty()) {
                throw new IllegalStateException("server.keystore " + keystore + " needs its password in the environment"
                        + " variable " + keystorePasswordEnv + " (server.keystore-password-env), which is not set");
            }
            return password;
        }
    }

    /**
     * Notifications after a night: always on failure, on success only when asked.
     *
     * @param email   SMTP delivery, or null
     * @param webhook an http(s) URL that receives the run as JSON (POST), or null
     */
    public record AlertConfig(boolean onSuccess, EmailConfig email, String webhook) {

        public static AlertConfig none() {
            return new AlertConfig(false, null, null);
        }
    }

    /** An SMTP server and the addresses of a night's notification. */
    public record EmailConfig(
            String smtpHost,
            int smtpPort,
            boolean startTls,
            String username,
            String password,
            String from,
            java.util.List<String> to) {}

    /**
     * One analyst account; the password is stored hashed ({@code salesbi hash-password}).
     *
     * @param subscription the pages mailed to the user after each published night, or null
     */
    public record UserConfig(
            String passwordHash,
            java.util.List<String> roles,
            java.util.List<String> regions,
            SubscriptionConfig subscription) {

        public UserConfig(String passwordHash, java.util.List<String> roles, java.util.List<String> regions) {
            this(passwordHash, roles, regions, null);
        }
    }

    /**
     * A user's subscription to the pages of each published night.
     *
     * @param email  the one address the mail goes to (never logged)
     * @param locale the language of the mail's text
     * @param pages  the dashboard page keys ({@code io.salesbi.dashboards.DashboardPages}), all of them by default
     * @param link   whether the mail links to the pages under the base URL instead of attaching them
     */
    public record SubscriptionConfig(String email, Locale locale, java.util.List<String> pages, boolean link) {}

    /**
     * The SMTP server and sender of the subscriptions' mails.
     *
     * @param passwordEnv     the environment variable holding the SMTP password, or null (no login, or no password)
     * @param baseUrl         where users open the served pages, ending in '/', or null
     * @param maxAttempts     how often a mail is tried before it is reported as failed
     * @param retryAfter      the wait between two tries
     * @param checkEvery      how often {@code serve} looks for a newly published night
     * @param maxAttachmentBytes attached pages above this size go as links (with a base URL), else fail the mail
     */
    public record SubscriptionsConfig(
            String smtpHost,
            int smtpPort,
            boolean startTls,
            String username,
            String passwordEnv,
            String from,
            String baseUrl,
            int maxAttempts,
            java.time.Duration retryAfter,
            java.time.Duration checkEvery,
            long maxAttachmentBytes) {}
}
