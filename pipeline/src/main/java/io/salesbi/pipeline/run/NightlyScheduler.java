package io.salesbi.pipeline.run;

import io.salesbi.pipeline.config.SalesbiSettings;
import io.salesbi.pipeline.warehouse.Warehouse;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.support.CronExpression;

/**
 * Runs the nightly job inside the serving process on a cron schedule (one night at a time). Analysts keep querying
 * while a night runs: every JDBC session has its own DuckDB connection and sees the last committed state, so a
 * night's core and KPIs appear at once when its consolidate step commits.
 */
public final class NightlyScheduler implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(NightlyScheduler.class);
    /** How long {@link #close()} lets a running night finish; stays below the serve command's 60 s shutdown hook. */
    private static final Duration STOP_GRACE = Duration.ofSeconds(40);

    private final CronExpression cron;
    private final NightlyRun run;
    private final ScheduledThreadPoolExecutor executor = new ScheduledThreadPoolExecutor(1, r -> {
        Thread t = new Thread(r, "salesbi-nightly");
        t.setDaemon(true);
        return t;
    });
    private volatile boolean nightRunning;

    private NightlyScheduler(CronExpression cron, NightlyRun run) {
        this.cron = cron;
        this.run = run;
        // a night not yet due when the server stops is not run on the way out
        executor.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
    }

    public static NightlyScheduler start(String cronExpression, SalesbiSettings settings, Warehouse warehouse) {
        NightlyScheduler s =
                new NightlyScheduler(CronExpression.parse(cronExpression), new NightlyRun(settings, warehouse));
        s.scheduleNext();
        return s;
    }

    private void scheduleNext() {
        LocalDateTime now = LocalDateTime.now();
        LocalDateTime next = cron.next(now);
        if (next == null) {
            log.warn("The cron expression never fires again; no more nights are scheduled");
            return;
        }
        log.info("Next night at {}", next);
        executor.schedule(this::runNight, Duration.between(now, next).toMillis(), TimeUnit.MILLISECONDS);
    }

    private void runNight() {
        nightRunning = true;
        try {
            NightlyRun.RunResult r = run.execute(LocalDate.now(), false);
            log.info(
                    "Night {} ended {} in {} s{}",
                    r.runId(),
                    r.outcome(),
                    r.duration().toSeconds(),
                    r.failure() != null
                            ? ": " + r.failure()
                            : r.warnings() ? ": " + r.verdict().message() : "");
        } catch (Exception e) {
            log.error("The scheduled night could not run: {}", e.getMessage(), e);
        } finally {
            nightRunning = false;
            if (!executor.isShutdown()) {
                scheduleNext();
            }
        }
    }

    /** Whether a night is running now (its pages may be half rewritten). */
    public boolean isNightRunning() {
        return nightRunning;
    }

    /**
     * Stops scheduling. A night that is running is given {@link #STOP_GRACE} to finish before it is interrupted, so
     * that the caller does not close the warehouse under it; an interrupted night is resumed by the next run.
     */
    @Override
    public void close() {
        executor.shutdown();
        try {
            if (nightRunning) {
                log.info("Waiting up to {} s for the running night to finish", STOP_GRACE.toSeconds());
            }
            if (!executor.awaitTermination(STOP_GRACE.toMillis(), TimeUnit.MILLISECONDS)) {
                log.warn(
                        "The running night did not finish within {} s; interrupting it (the next run resumes it)",
                        STOP_GRACE.toSeconds());
                executor.shutdownNow();
            }
        } catch (InterruptedException e) {
            executor.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }
}
