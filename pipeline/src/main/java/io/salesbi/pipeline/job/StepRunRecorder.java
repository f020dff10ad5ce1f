package io.salesbi.pipeline.job;

import io.salesbi.pipeline.warehouse.Warehouse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.step.StepExecution;

/**
 * Writes one row per step into {@code ops.step_run} (rows read / written / rejected, duration, status) and logs the
 * step's summary line: the run history a data steward reads. A step still running after
 * {@value #PROGRESS_AFTER_SECONDS} s says so every {@value #PROGRESS_EVERY_SECONDS} s, so a long night never looks hung.
 */
final class StepRunRecorder implements StepExecutionListener {

    private static final Logger log = LoggerFactory.getLogger(StepRunRecorder.class);

    static final int PROGRESS_AFTER_SECONDS = 5;
    static final int PROGRESS_EVERY_SECONDS = 15;

    private static final ScheduledExecutorService PROGRESS = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "salesbi-step-progress");
        t.setDaemon(true);
        return t;
    });

    private final Warehouse warehouse;
    private ScheduledFuture<?> progress;

    StepRunRecorder(Warehouse warehouse) {
        this.warehouse = warehouse;
    }

    @Override
    public void beforeStep(StepExecution step) {
        long started = System.nanoTime();
        progress = PROGRESS.scheduleAtFixedRate(
                () -> log.info(
                        "{}: still running after {} s",
                        step.getStepName(),
                        TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - started)),
                PROGRESS_AFTER_SECONDS,
                PROGRESS_EVERY_SECONDS,
                TimeUnit.SECONDS);
    }

    @Override
    public ExitStatus afterStep(StepExecution step) {
        if (progress != null) {
            progress.cancel(false);
            progress = null;
        }
        LocalDateTime start = step.getStartTime();
        LocalDateTime end = LocalDateTime.now();
        String message = step.getFailureExceptions().stream()
                .map(Throwable::getMessage)
                .findFirst()
                .orElse(step.getExecutionContext().getString("summary", null));
        long runId = step.getJobExecution().getJobInstance().getInstanceId();
        try (Connection conn = warehouse.connect();
                PreparedStatement ps = conn.prepareStatement(
                        "insert or replace into ops.step_run values (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            ps.setLong(1, runId);
            ps.setString(2, step.getStepName());
            ps.setString(3, step.getFailureExceptions().isEmpty() ? "COMPLETED" : "FAILED");
            ps.setLong(4, step.getReadCount());
            ps.setLong(5, step.getWriteCount());
            ps.setLong(
                    6,
                    step.getReadSkipCount()
                            + step.getProcessSkipCount()
                            + step.getWriteSkipCount()
                            + step.getFilterCount());
            ps.setTimestamp(7, Timestamp.valueOf(start));
            ps.setTimestamp(8, Timestamp.valueOf(end));
            ps.setString(9, message);
            ps.executeUpdate();
        } catch (SQLException e) {
            log.warn("Could not record step {} in ops.step_run: {}", step.getStepName(), e.getMessage());
        }
        log.info(
                "{}: {} read, {} written, {} rejected in {} ms{}",
                step.getStepName(),
                step.getReadCount(),
                step.getWriteCount(),
                step.getFilterCount(),
                Duration.between(start, end).toMillis(),
                message == null ? "" : " (" + message + ")");
        return step.getExitStatus();
    }
}
