package io.salesbi.pipeline.subscribe;

import io.salesbi.pipeline.config.SalesbiSettings;
import io.salesbi.pipeline.config.SalesbiSettings.SubscriptionsConfig;
import io.salesbi.pipeline.config.SalesbiSettings.UserConfig;
import io.salesbi.pipeline.subscribe.DeliveryLog.Delivery;
import io.salesbi.pipeline.subscribe.DeliveryLog.Status;
import io.salesbi.pipeline.subscribe.SubscribedPages.PageFile;
import io.salesbi.pipeline.subscribe.SubscribedPages.PageSet;
import io.salesbi.pipeline.subscribe.SubscriptionMail.Letter;
import java.io.IOException;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.UnaryOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Mails each subscribed user the pages of the newest published night, once: {@code salesbi serve} calls
 * {@link #check()} every {@code subscriptions.check-seconds}, so a night published by the server's own schedule, or by
 * {@code salesbi run} while the server was stopped, is noticed either way. Each mail is recorded in
 * {@code ops.subscription_delivery} (by login), so a restart does not mail a night twice; a mail that fails is tried
 * again after {@code retry-minutes}, at most {@code max-attempts} times, then reported to the stewards (log and the
 * configured alerts). Nothing here ever stops the server. Only the newest night is mailed: one that a newer night
 * replaced before it was mailed is not sent any more (its pages are gone).
 */
public final class SubscriptionDispatcher implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(SubscriptionDispatcher.class);

    /** A connection to the warehouse the night publishes into. */
    @FunctionalInterface
    public interface WarehouseConnections {
        Connection connect() throws SQLException;
    }

    /** What one {@link #check()} did, by outcome. */
    public record Check(Long runId, int sent, int retrying, int failed, int skipped) {}

    private final SalesbiSettings settings;
    private final SubscriptionsConfig config;
    private final WarehouseConnections warehouse;
    private final BooleanSupplier nightRunning;
    private final Clock clock;
    private final SmtpSender smtp;
    private final SubscribedPages pages;
    /**
     * Mails this process sent ({@code runId/login}): not sent again should recording one in the warehouse fail, which
     * would otherwise mail the subscriber at every check.
     */
    private final Set<String> sentHere = ConcurrentHashMap.newKeySet();

    /** The night this dispatcher last saw as the newest, so that a new one is logged once. */
    private volatile long lastSeenRun = -1;

    private final ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "salesbi-subscriptions");
        t.setDaemon(true);
        return t;
    });

    public SubscriptionDispatcher(
            SalesbiSettings settings,
            WarehouseConnections warehouse,
            BooleanSupplier nightRunning,
            UnaryOperator<String> environment,
            Clock clock) {
        this.settings = settings;
        this.config = settings.subscriptions();
        if (config == null) {
            throw new IllegalArgumentException("salesbi.yaml has no 'subscriptions:' block");
        }
        this.warehouse = warehouse;
        this.nightRunning = nightRunning;
        this.clock = clock;
        this.smtp = new SmtpSender(config, environment);
        this.pages = new SubscribedPages(settings.dashboards());
    }

    /** Checks now and then every {@code subscriptions.check-seconds} until closed. */
    public SubscriptionDispatcher start() {
        long every = config.checkEvery().toMillis();
        executor.scheduleWithFixedDelay(this::checkSafely, 0, every, TimeUnit.MILLISECONDS);
        log.info(
                "Subscriptions: {} subscriber(s), mailed through {} after each published night (checked every {} s)",
                subscribers().size(),
                smtp.server(),
                config.checkEvery().toSeconds());
        smtp.missingPassword()
                .ifPresent(problem -> log.warn("Subscriptions: {}; every mail fails until it is set", problem));
        return this;
    }

    private void checkSafely() {
        try {
            check();
        } catch (Exception e) {
            // a scheduled task that throws is never run again: log and keep checking
            log.error("Subscriptions: the check for a newly published night failed: {}", e.getMessage(), e);
        }
    }

    /** Mails what is due for the newest published night: first mails, and retries whose wait is over. */
    public Check check() throws SQLException {
        if (nightRunning.getAsBoolean()) {
            return new Check(null, 0, 0, 0, 0); // its pages are being rewritten: after the night
        }
        int sent = 0;
        int retrying = 0;
        int failed = 0;
        int skipped = 0;
        try (Connection conn = warehouse.connect()) {
            Optional<PublishedNight> latest = PublishedNight.latest(conn);
            if (latest.isEmpty()) {
                return new Check(null, 0, 0, 0, 0);
            }
            PublishedNight night = latest.get();
            Map<String, Delivery> done = DeliveryLog.of(conn, night.runId());
            if (night.runId() != lastSeenRun) {
                lastSeenRun = night.runId();
                long due = subscribers().keySet().stream()
                        .filter(login -> done.get(login) == null
                                || !done.get(login).status().settled())
                        .count();
                log.info(
                        "Subscriptions: night {} (as of {}) is the newest published night; {} of {} subscriber(s) "
                                + "still to mail",
                        night.runId(),
                        night.asOf(),
                        due,
                        subscribers().size());
            }
            for (Map.Entry<String, UserConfig> subscriber : subscribers().entrySet()) {
                String login = subscriber.getKey();
                Delivery before = done.get(login);
                if (sentHere.contains(night.runId() + "/" + login)) {
                    continue;
                }
                if (before != null
                        && (before.status().settled()
                                || before.lastAttemptAt()
                                        .plus(config.retryAfter())
                                        .isAfter(clock.instant()))) {
                    continue;
                }
                Delivery after = deliver(night, login, subscriber.getValue(), before);
                if (after.status() == Status.SENT) {
                    sentHere.add(night.runId() + "/" + login);
                }
                DeliveryLog.record(conn, after);
                switch (after.status()) {
                    case SENT -> sent++;
                    case RETRYING -> retrying++;
                    case FAILED -> failed++;
                    case SKIPPED -> skipped++;
                }
            }
            return new Check(night.runId(), sent, retrying, failed, skipped);
        }
    }

    /** Mails one subscriber the night's pages now and says how it went; never throws for a mail that fails. */
    private Delivery deliver(PublishedNight night, String login, UserConfig user, Delivery before) {
        Instant now = clock.instant();
        int attempt = before == null ? 1 : before.attempts() + 1;
        Instant first = before == null ? now : before.firstAttemptAt();
        PageSet set = pages.lookup(login, user);
        if (set.skipped()) {
            log.warn("Subscriptions: night {} is not mailed to user {}: {}", night.runId(), login, set.skipReason());
            return new Delivery(
                    night.runId(), login, Status.SKIPPED, null, 0, 0L, attempt, first, now, null, set.skipReason());
        }
        boolean link = user.subscription().link();
        long bytes = link ? 0 : size(set);
        Long oversize = null;
        if (!link && bytes > config.maxAttachmentBytes()) {
            if (config.baseUrl() == null) {
                String why = "the pages total " + bytes + " bytes, over subscriptions.max-attachment-mb, and there "
                        + "is no base-url to link them instead; subscribe to fewer pages or set base-url";
                return gaveUp(night, login, attempt, first, now, why);
            }
            oversize = bytes;
            link = true;
        }
        Letter letter = new Letter(
                login, night, set, link, config.baseUrl(), oversize, config.maxAttachmentBytes(), false, null);
        try {
            SubscriptionMail mail = new SubscriptionMail(user.subscription().locale());
            smtp.send(mail.message(
                    smtp.session(), config.from(), user.subscription().email(), letter));
        } catch (Exception e) {
            String why = e.getClass().getSimpleName() + ": " + e.getMessage();
            if (attempt >= config.maxAttempts()) {
                return gaveUp(night, login, attempt, first, now, why);
            }
            log.warn(
                    "Subscriptions: night {} could not be mailed to user {} through {} (attempt {} of {}; next in {} "
                            + "min): {}",
                    night.runId(),
                    login,
                    smtp.server(),
                    attempt,
                    config.maxAttempts(),
                    config.retryAfter().toMinutes(),
                    why);
            return new Delivery(
                    night.runId(), login, Status.RETRYING, null, null, null, attempt, first, now, null, why);
        }
        String delivery = link ? "link" : "attach";
        log.info(
                "Subscriptions: night {} mailed to user {} ({} page(s) {}{})",
                night.runId(),
                login,
                set.pages().size(),
                link ? "linked" : "attached, " + bytes + " bytes",
                set.missing().isEmpty() ? "" : "; missing from the folder: " + set.missing());
        String detail = set.missing().isEmpty() ? null : "missing from the dashboards folder: " + set.missing();
        return new Delivery(
                night.runId(),
                login,
                Status.SENT,
                delivery,
                set.pages().size(),
                link ? null : bytes,
                attempt,
                first,
                now,
                now,
                detail);
    }

    /** The last attempt failed: recorded, logged as an error and reported to the stewards through the alerts. */
    private Delivery gaveUp(PublishedNight night, String login, int attempts, Instant first, Instant now, String why) {
        log.error(
                "Subscriptions: night {} could not be mailed to user {} through {}; gave up after {} attempt(s): {}",
                night.runId(),
                login,
                smtp.server(),
                attempts,
                why);
        new DeliveryFailureAlert(settings.alerts()).report(night, login, smtp.server(), attempts, why);
        return new Delivery(night.runId(), login, Status.FAILED, null, null, null, attempts, first, now, null, why);
    }

    /**
     * Mails {@code login} the current pages now, marked as a test, without recording it: what a steward runs to
     * check the setup. {@code night} may be null (the warehouse could not be read), {@code noNightReason} says why.
     *
     * @return what was sent, in one line
     * @throws Exception when the mail could not be sent, with the SMTP server's answer
     */
    public String sendTest(String login, PublishedNight night, String noNightReason) throws Exception {
        UserConfig user = subscribers().get(login);
        if (user == null) {
            throw new IllegalArgumentException("user '" + login + "' has no subscription under server.users." + login
                    + ".subscription; subscribers: " + subscribers().keySet());
        }
        PageSet set = pages.lookup(login, user);
        if (set.skipped()) {
            return "nothing sent to user " + login + ": " + set.skipReason();
        }
        boolean link = user.subscription().link();
        long bytes = link ? 0 : size(set);
        Long oversize = !link && bytes > config.maxAttachmentBytes() && config.baseUrl() != null ? bytes : null;
        link = link || oversize != null;
        Letter letter = new Letter(
                login, night, set, link, config.baseUrl(), oversize, config.maxAttachmentBytes(), true, noNightReason);
        smtp.send(new SubscriptionMail(user.subscription().locale())
                .message(smtp.session(), config.from(), user.subscription().email(), letter));
        return "test mail sent to user " + login + " through " + smtp.server() + ": "
                + set.pages().size() + " page(s) " + (link ? "linked" : "attached (" + bytes + " bytes)");
    }

    /** Users with a subscription, by login. */
    private Map<String, UserConfig> subscribers() {
        Map<String, UserConfig> subscribers = new TreeMap<>();
        settings.server().users().forEach((login, user) -> {
            if (user.subscription() != null) {
                subscribers.put(login, user);
            }
        });
        return subscribers;
    }

    private static long size(PageSet set) {
        long total = 0;
        for (PageFile page : set.pages()) {
            try {
                total += Files.size(page.file());
            } catch (IOException e) {
                // the mail's attachment fails on the same file and is reported there
            }
        }
        return total;
    }

    @Override
    public void close() {
        // a mail being sent is let finish and recorded, so that it is not sent again after the restart
        executor.shutdown();
        try {
            if (!executor.awaitTermination(30, TimeUnit.SECONDS)) {
                executor.shutdownNow();
            }
        } catch (InterruptedException e) {
            executor.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }
}
