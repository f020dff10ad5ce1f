package io.salesbi.pipeline.run;

import io.salesbi.pipeline.alert.RunNotifier;
import io.salesbi.pipeline.config.SalesbiSettings;
import io.salesbi.pipeline.job.NightlyJobConfiguration;
import io.salesbi.pipeline.privacy.Retention;
import io.salesbi.pipeline.warehouse.Warehouse;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Comparator;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;

/**
 * Runs one night of the {@code nightlyJob}. When the last night failed, or was killed before it could say so,
 * the same night is restarted from the step that did not complete instead of starting a new one.
 */
public final class NightlyRun {

    private static final Logger log = LoggerFactory.getLogger(NightlyRun.class);

    private final SalesbiSettings settings;
    private final Warehouse warehouse;

    public NightlyRun(SalesbiSettings settings, Warehouse warehouse) {
        this.settings = settings;
        this.warehouse = warehouse;
    }

    public RunResult execute(LocalDate asOf, boolean full) throws Exception {
        try (java.sql.Connection conn = warehouse.connect()) {
            List<String> undeclared =
                    io.salesbi.pipeline.job.JobParameters.undeclared(conn, settings.kpi(), settings.kpiLocations());
            if (!undeclared.isEmpty()) {
                throw new io.salesbi.pipeline.config.InvalidSettingsException(undeclared);
            }
        }
        try (RunLog runLog = RunLog.open(settings.home().resolve("logs"));
                AnnotationConfigApplicationContext ctx = new AnnotationConfigApplicationContext()) {
            log.info("Night starting as of {}; log file {}", asOf, runLog.file());
            ctx.registerBean(SalesbiSettings.class, () -> settings);
            // the caller owns the warehouse: the context must not close it when it shuts down
            ctx.registerBean(Warehouse.class, () -> warehouse, bd -> bd.setDestroyMethodName(""));
            ctx.register(NightlyJobConfiguration.class);
            ctx.refresh();
            JobOperator operator = ctx.getBean(JobOperator.class);
            JobRepository repository = ctx.getBean(JobRepository.class);
            Job job = ctx.getBean(Job.class);

            JobExecution unfinished = unfinishedNight(repository);
            JobExecution execution;
            if (unfinished != null) {
                if (unfinished.getStatus().isRunning()) {
                    // this process owns the warehouse, so nobody else runs it: the earlier process died
                    log.warn(
                            "Night {} was interrupted (status {}); marking it failed and resuming it",
                            unfinished.getJobInstance().getInstanceId(),
                            unfinished.getStatus());
                    unfinished = operator.recover(unfinished);
                }
                log.info(
                        "Resuming night {} from the step that did not complete",
                        unfinished.getJobInstance().getInstanceId());
                execution = operator.restart(unfinished);
            } else {
                judgeLastNightIfUndecided(repository);
                execution = operator.start(job, parameters(repository, asOf, full));
            }
            RunResult result = RunResult.of(execution, verdict(execution));
            if (result.ok()) {
                purgeExpired(result.runId());
            }
            new RunNotifier(settings.alerts()).notify(RunReports.of(result));
            return result;
        }
    }

    /**
     * The night's end: what is older than its retention ({@code retention:} in salesbi.yaml) is purged and recorded in
     * ops.retention_purge. A purge that fails is logged and tried again the next night; it never fails the night.
     */
    private void purgeExpired(long runId) {
        try (Connection conn = warehouse.connect()) {
            new Retention(
                            settings.retention(),
                            settings.archive(),
                            settings.error(),
                            settings.home().resolve("logs"))
                    .purge(conn, runId, LocalDateTime.now());
        } catch (SQLException | java.io.IOException | RuntimeException e) {
            log.warn("Night {}: retention could not purge what is older than configured: {}", runId, e.getMessage());
        }
    }

    /**
     * Whether the night's files reached the KPIs, decided after the job so that the job's own status stays that of
     * its steps; a verdict that cannot be decided is itself a warning, never a plain success.
     */
    private NightVerdict verdict(JobExecution execution) {
        if (execution.getStatus() != BatchStatus.COMPLETED) {
            return NightVerdict.NONE;
        }
        long runId = execution.getJobInstance().getInstanceId();
        try (Connection conn = warehouse.connect()) {
            return NightVerdict.decide(conn, runId);
        } catch (SQLException | RuntimeException e) {
            log.error("Night {}: what became of its files could not be decided: {}", runId, e.getMessage(), e);
            return new NightVerdict(
                    true, "what became of the night's files could not be decided: " + e.getMessage(), List.of());
        }
    }

    /**
     * A night whose job completed but whose process died before it judged the night's files: it is judged now and
     * alerted late, so that it never stays a plain COMPLETED in the history only because the verdict was lost.
     */
    private void judgeLastNightIfUndecided(JobRepository repository) {
        JobInstance last = repository.getLastJobInstance(NightlyJobConfiguration.JOB_NAME);
        JobExecution exec = last == null ? null : repository.getLastJobExecution(last);
        if (exec == null || exec.getStatus() != BatchStatus.COMPLETED) {
            return;
        }
        try (Connection conn = warehouse.connect()) {
            if (NightVerdict.isDecided(conn, last.getInstanceId())) {
                return;
            }
        } catch (SQLException e) {
            log.warn("Whether night {} was judged could not be read: {}", last.getInstanceId(), e.getMessage());
            return;
        }
        log.warn(
                "Night {} completed but its files were never judged (the process ended first); judging it now",
                last.getInstanceId());
        new RunNotifier(settings.alerts()).notify(RunReports.of(RunResult.of(exec, verdict(exec))));
    }

    private static JobExecution unfinishedNight(JobRepository repository) {
        JobInstance last = repository.getLastJobInstance(NightlyJobConfiguration.JOB_NAME);
        if (last == null) {
            return null;
        }
        JobExecution exec = repository.getLastJobExecution(last);
        if (exec == null || exec.getStatus() == BatchStatus.COMPLETED || exec.getStatus() == BatchStatus.ABANDONED) {
            return null;
        }
        return exec;
    }

    private static JobParameters parameters(JobRepository repository, LocalDate asOf, boolean full) {
        JobInstance last = repository.getLastJobInstance(NightlyJobConfiguration.JOB_NAME);
        long next = last == null ? 1 : last.getInstanceId() + 1;
        return new JobParametersBuilder()
                .addLong("night", next)
                .addLocalDate("asOf", asOf)
                .addString("full", Boolean.toString(full))
                .toJobParameters();
    }

    /**
     * How a night ended, step by step. {@code status} is the job's own; {@code verdict} says whether its files reached
     * the KPIs, and {@link #outcome()} combines both into the night's status as salesbi reports it.
     */
    public record RunResult(
            long runId,
            BatchStatus status,
            Duration duration,
            List<StepResult> steps,
            String failure,
            NightVerdict verdict) {

        /** The night's status as salesbi reports it when the job ended COMPLETED. */
        public static final String COMPLETED_WITH_WARNINGS = "COMPLETED_WITH_WARNINGS";

        /** A night without a verdict on its files (one that failed, or one judged elsewhere). */
        public RunResult(long runId, BatchStatus status, Duration duration, List<StepResult> steps, String failure) {
            this(runId, status, duration, steps, failure, NightVerdict.NONE);
        }

        static RunResult of(JobExecution e, NightVerdict verdict) {
            List<StepResult> steps = e.getStepExecutions().stream()
                    .sorted(Comparator.comparing(StepExecution::getStartTime))
                    .map(StepResult::of)
                    .toList();
            String failure = e.getAllFailureExceptions().stream()
                    .map(t -> t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage())
                    .findFirst()
                    .orElse(null);
            Duration d = e.getStartTime() == null || e.getEndTime() == null
                    ? Duration.ZERO
                    : Duration.between(e.getStartTime(), e.getEndTime());
            return new RunResult(e.getJobInstance().getInstanceId(), e.getStatus(), d, steps, failure, verdict);
        }

        /** Whether the job ran to its end (with or without warnings). */
        public boolean ok() {
            return status == BatchStatus.COMPLETED;
        }

        /** Whether the job ran to its end but files were rejected or nothing delivered reached the KPIs. */
        public boolean warnings() {
            return ok() && verdict.warnings();
        }

        /** COMPLETED, COMPLETED_WITH_WARNINGS, or the status the job failed or stopped with. */
        public String outcome() {
            return warnings() ? COMPLETED_WITH_WARNINGS : status.name();
        }
    }

    /** One step of a night. */
    public record StepResult(
            String name,
            BatchStatus status,
            long read,
            long written,
            long rejected,
            Duration duration,
            String summary) {

        static StepResult of(StepExecution s) {
            Duration d = s.getStartTime() == null || s.getEndTime() == null
                    ? Duration.ZERO
                    : Duration.between(s.getStartTime(), s.getEndTime());
            return new StepResult(
                    s.getStepName(),
                    s.getStatus(),
                    s.getReadCount(),
                    s.getWriteCount(),
                    s.getFilterCount(),
                    d,
                    s.getExecutionContext().getString("summary", ""));
        }
    }
}
