package io.salesbi.pipeline.run;

import io.salesbi.pipeline.config.SalesbiSettings;
import io.salesbi.pipeline.warehouse.Warehouse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.support.CronExpression;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/** Runs the nightly job inside the serving process on a cron schedule (one night at a time). */
public final class NightlyScheduler implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(NightlyScheduler.class);

    private final CronExpression cron;
    private final NightlyRun run;
    private final ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "salesbi-nightly");
        t.setDaemon(true);
        return t;
    });

    private NightlyScheduler(CronExpression cron, NightlyRun run) {
        this.cron = cron;
        this.run = run;
    }

    public static NightlyScheduler start(String cronExpression, SalesbiSettings settings, Warehouse warehouse) {
        NightlyScheduler s = new NightlyScheduler(CronExpression.parse(cronExpression), new NightlyRun(settings, warehouse));
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
        try {
            NightlyRun.RunResult r = run.execute(LocalDate.now(), false);
            log.info("Night {} ended {} in {} s{}", r.runId(), r.status(), r.duration().toSeconds(),
                    r.failure() == null ? "" : ": " + r.failure());
        } catch (Exception e) {
            log.error("The scheduled night could not run: {}", e.getMessage(), e);
        } finally {
            scheduleNext();
        }
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}
