package io.salesbi.pipeline.config;

import com.fasterxml.jackson.annotation.JsonFormat;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.util.List;
import java.util.Map;

/**
 * {@code salesbi.yaml} as written: every key optional, one per component in kebab-case ({@code fileSettleMillis} is
 * {@code file-settle-millis}). {@link SettingsLoader} binds the file to it, Bean Validation checks each key, and the
 * loader resolves paths and defaults into {@link SalesbiSettings}, whose Javadoc says what each setting does.
 * {@code docs/schema/salesbi.schema.json} describes the same keys for editors (a test keeps the two equal).
 *
 * @param home             the installation folder (default: the folder of the file)
 * @param inbox            default {@code home/inbox}
 * @param archive          default {@code home/archive}
 * @param error            default {@code home/error}
 * @param warehouse        default {@code home/warehouse/salesbi.duckdb}
 * @param jobRepository    default {@code home/warehouse/batch-metadata}
 * @param dashboards       default {@code home/dashboards}
 * @param mappings         a folder of mapping files; default: the bundled mappings
 * @param locale           de (the default) or en
 * @param fileSettleMillis default 1000
 * @param readyMarker      none (the default), done or ok
 * @param homeCurrency     ISO 4217 code of amounts whose file names no currency (default EUR)
 * @param kpi              KPI parameters by name ({@code cost-per-visit-eur: 450}); each must be declared by the SQL
 *                         layer (ops.parameter), which the night checks before it starts
 * @param sourcePrecedence the source systems in the order in which they win for a golden record's attribute
 *                         (default crm, erp, excel)
 * @param match            matching thresholds and the steward's overrides file
 * @param server           the JDBC and dashboard server
 * @param alerts           who is told how a night went
 * @param retention        how long what a night leaves behind is kept
 * @param subscriptions    the SMTP server that mails the pages to the users who subscribe to them after a night
 */
public record SettingsFile(
        String home,
        String inbox,
        String archive,
        String error,
        String warehouse,
        String jobRepository,
        String dashboards,
        String mappings,

        @Pattern(regexp = "de|en", message = "is not supported; expected de or en")
        String locale,

        @Min(value = 0, message = "must be >= 0") Long fileSettleMillis,
        ReadyMarker readyMarker,

        @Pattern(regexp = "[A-Za-z]{3}", message = "is not an ISO 4217 code such as EUR or CHF")
        String homeCurrency,

        Map<String, @NotNull(message = "needs a value") String> kpi,
        List<
                        @NotBlank(message = "is empty")
                        @Pattern(regexp = "[a-z][a-z0-9_]*", message = "must match {regexp}") String>
                sourcePrecedence,
        @Valid Match match,
        @Valid Server server,
        @Valid Alerts alerts,
        @Valid Retention retention,
        @Valid Subscriptions subscriptions) {

    public SettingsFile {
        kpi = kpi == null ? Map.of() : kpi;
        match = match == null ? new Match(null, null, null, null) : match;
        server = server == null
                ? new Server(
                        null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null,
                        null, null, null)
                : server;
    }

    /**
     * How many days what a night leaves behind is kept; a missing key keeps it for ever.
     *
     * @param archiveDays    loaded files in the archive
     * @param errorDays      rejected files and their reason files
     * @param quarantineDays quarantined rows, by when their file was loaded
     * @param runHistoryDays step records, file outcomes, verdicts, night log files and the JDBC audit trail
     */
    public record Retention(
            @Min(value = 1, message = DAYS) Integer archiveDays,
            @Min(value = 1, message = DAYS) Integer errorDays,
            @Min(value = 1, message = DAYS) Integer quarantineDays,
            @Min(value = 1, message = DAYS) Integer runHistoryDays) {

        static final String DAYS = "must be a whole number of days >= 1";
    }

    /** Whether a file is taken only beside a marker file {@code NAME.done} / {@code NAME.ok}. */
    public enum ReadyMarker {
        NONE,
        DONE,
        OK
    }

    /**
     * @param matchThreshold  a pair at or above this match probability is merged (default 0.9)
     * @param reviewThreshold a pair at or above this goes to the steward's review (default 0.5)
     * @param overridesFile   the steward's decisions (default {@code home/config/match-overrides.csv})
     * @param sourcesWithoutDuplicates source systems declared to hold no duplicates (e.g. {@code [erp]}, whose debtors
     *                        are each a customer of their own): two of their records are never merged with each other
     */
    public record Match(
            @DecimalMin(value = "0", inclusive = false, message = THRESHOLD)
            @DecimalMax(value = "1", inclusive = false, message = THRESHOLD)
            Double matchThreshold,

            @DecimalMin(value = "0", inclusive = false, message = THRESHOLD)
            @DecimalMax(value = "1", inclusive = false, message = THRESHOLD)
            Double reviewThreshold,

            String overridesFile,

            List<
                            @NotBlank(message = "is empty")
                            @Pattern(regexp = "[a-z][a-z0-9_]*", message = "must match {regexp}") String>
                    sourcesWithoutDuplicates) {

        static final String THRESHOLD = "must be a probability between 0 and 1 (exclusive)";
    }

    /**
     * The server of {@code salesbi serve}; the query limits default to {@code QueryLimits.DEFAULT}.
     *
     * @param cron                when the night runs, six fields: second minute hour day month weekday (default 0 0 2 *
     *                            * *)
     * @param keystore            a PKCS12 or JKS keystore (relative to salesbi.yaml): the server then speaks HTTPS only
     * @param keystorePasswordEnv the environment variable that holds the keystore's password (never the file itself)
     */
    public record Server(
            String host,

            @Min(value = 0, message = PORT) @Max(value = 65535, message = PORT)
            Integer port,

            String cron,
            Boolean allowAnonymous,
            Map<String, @NotNull(message = "needs a password-hash") @Valid User> users,
            @Min(value = 1, message = POSITIVE) Long queryTimeoutSeconds,
            @Min(value = 1, message = POSITIVE) Long maxQueryTimeoutSeconds,
            @Min(value = 1, message = POSITIVE) Integer maxConcurrentQueries,
            @Min(value = 1, message = POSITIVE) Integer maxConcurrentQueriesPerUser,
            @Min(value = 0, message = "must be >= 0") Integer maxQueuedQueries,
            @Min(value = 0, message = "must be >= 0") Long queueWaitSeconds,
            @Min(value = 1, message = POSITIVE) Integer loginFreeFailuresPerUser,
            @Min(value = 1, message = POSITIVE) Integer loginFreeFailuresPerAddress,
            @Min(value = 1, message = POSITIVE) Long loginBackoffSeconds,
            @Min(value = 1, message = POSITIVE) Long loginMaxBackoffSeconds,
            @Min(value = 0, message = "must be >= 0") Integer loginLockoutFailures,
            @Min(value = 1, message = POSITIVE) Long loginLockoutMinutes,
            String keystore,

            @Pattern(
                    regexp = "[A-Za-z_][A-Za-z0-9_]*",
                    message = "must name an environment variable, e.g. SALESBI_KEYSTORE_PASSWORD")
            String keystorePasswordEnv) {

        static final String PORT = "must be between 0 and 65535";
        static final String POSITIVE = "must be >= 1";
    }

    /**
     * One analyst account; the password is stored hashed ({@code salesbi hash-password}).
     *
     * @param subscription the pages mailed to the user after each published night, or null
     */
    public record User(
            @NotBlank(message = "is missing (create one with 'salesbi hash-password')")
            String passwordHash,

            List<String> roles,
            List<String> regions,
            @Valid Subscription subscription) {}

    /**
     * A user's subscription to the pages of each published night.
     *
     * @param email    the one address the mail goes to
     * @param locale   the language of the mail's text, de or en (default: the top-level locale)
     * @param pages    page keys ({@code overview}, {@code channels}, ...) or {@code all} (the default)
     * @param delivery attach (the default) the pages to the mail, or send a link to each under
     *                 {@code subscriptions.base-url}
     */
    public record Subscription(
            @NotBlank(message = "is missing") @Pattern(regexp = Email.ADDRESS, message = "must be an e-mail address")
            String email,

            @Pattern(regexp = "de|en", message = "is not supported; expected de or en")
            String locale,

            @JsonFormat(with = JsonFormat.Feature.ACCEPT_SINGLE_VALUE_AS_ARRAY)
            List<@NotBlank(message = "is empty") String> pages,

            Delivery delivery) {}

    /** Whether a subscription's mail carries the pages or links to them. */
    public enum Delivery {
        ATTACH,
        LINK
    }

    /**
     * The SMTP server and sender of the subscriptions' mails ({@code server.users.NAME.subscription}). The password
     * is never written in the file: {@code password-env} names the environment variable that holds it.
     *
     * @param baseUrl           where users open the served pages, e.g. {@code https://bi.example.com/dashboards/}
     *                          (needed by {@code delivery: link})
     * @param maxAttempts       how often a mail is tried before it is reported as failed (default 3)
     * @param retryMinutes      the wait between two tries (default 10)
     * @param checkSeconds      how often {@code serve} looks for a newly published night (default 60)
     * @param maxAttachmentMb   attached pages above this size go as links instead (with a base URL), else the mail
     *                          is reported as failed (default 15)
     */
    public record Subscriptions(
            @NotBlank(message = "is missing") String smtpHost,

            @Min(value = 1, message = Server.PORT) @Max(value = 65535, message = Server.PORT)
            Integer smtpPort,

            Boolean starttls,
            String username,

            @Pattern(
                    regexp = "[A-Za-z_][A-Za-z0-9_]*",
                    message = "must name an environment variable, e.g. SMTP_PASSWORD")
            String passwordEnv,

            @NotBlank(message = "is missing") @Pattern(regexp = Email.ADDRESS, message = "must be an e-mail address")
            String from,

            @Pattern(regexp = "https?://.+", message = "must be an http:// or https:// URL")
            String baseUrl,

            @Min(value = 1, message = Server.POSITIVE) @Max(value = 20, message = "must be between 1 and 20")
            Integer maxAttempts,

            @Min(value = 1, message = Server.POSITIVE) Integer retryMinutes,
            @Min(value = 1, message = Server.POSITIVE) Integer checkSeconds,
            @Min(value = 1, message = Server.POSITIVE) Integer maxAttachmentMb) {}

    /**
     * Notifications after a night: always on failure, on success only when asked.
     *
     * @param webhook an http(s) URL that receives the run as JSON (POST)
     */
    public record Alerts(
            Boolean onSuccess,
            @Valid Email email,

            @Pattern(regexp = "https?://.+", message = "must be an http:// or https:// URL")
            String webhook) {}

    /** An SMTP server and the addresses of a night's notification. */
    public record Email(
            @NotBlank(message = "is missing") String smtpHost,

            @Min(value = 1, message = Server.PORT) @Max(value = 65535, message = Server.PORT)
            Integer smtpPort,

            Boolean starttls,
            String username,
            String password,

            @NotBlank(message = "is missing") @Pattern(regexp = ADDRESS, message = "must be an e-mail address")
            String from,

            @NotEmpty(message = "must list e-mail addresses")
            List<
                            @NotBlank(message = "is empty")
                            @Pattern(regexp = ADDRESS, message = "must be an e-mail address") String>
                    to) {

        static final String ADDRESS = "[^@\\s]+@[^@\\s]+";
    }
}
