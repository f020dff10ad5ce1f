package io.salesbi.pipeline.job;

import io.salesbi.connectors.mapping.MappingLoader.MappingSet;
import io.salesbi.match.MatchSettings;
import io.salesbi.pipeline.config.SalesbiSettings;
import io.salesbi.pipeline.ingest.InboxSettings;
import io.salesbi.pipeline.ingest.SourceMappings;
import io.salesbi.pipeline.warehouse.Warehouse;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The night in one job: ingest -> validate -> standardize -> match -> consolidate -> kpi -> dashboards. Steps
 * orchestrate; the heavy lifting is set-based SQL in DuckDB or streaming Java handing rows to DuckDB's bulk reader.
 * Every step replaces what it produces, so a restart after a failure re-runs the failed step without doubling rows.
 */
@Configuration(proxyBeanMethods = false)
@Import(BatchInfrastructureConfiguration.class)
public class NightlyJobConfiguration {

    public static final String JOB_NAME = "nightlyJob";

    @Bean
    MappingSet sourceMappings(SalesbiSettings settings, Warehouse warehouse) throws SQLException {
        try (Connection conn = warehouse.connect()) {
            return SourceMappings.load(settings, conn);
        }
    }

    @Bean
    Job nightlyJob(
            JobRepository jobRepository,
            Step ingestFilesStep,
            Step validateRowsStep,
            Step standardizeCustomersStep,
            Step matchCustomersStep,
            Step consolidateStep,
            Step publishKpisStep,
            Step renderDashboardsStep) {
        return new JobBuilder(JOB_NAME, jobRepository)
                .start(ingestFilesStep)
                .next(validateRowsStep)
                .next(standardizeCustomersStep)
                .next(matchCustomersStep)
                .next(consolidateStep)
                .next(publishKpisStep)
                .next(renderDashboardsStep)
                .build();
    }

    @Bean
    Step ingestFilesStep(
            JobRepository repo,
            PlatformTransactionManager tx,
            Warehouse warehouse,
            SalesbiSettings s,
            MappingSet sourceMappings) {
        InboxSettings inbox = new InboxSettings(
                s.inbox(), s.archive(), s.error(), s.fileSettleMillis(), Duration.ofMinutes(30), s.readyMarker());
        return step("ingestFilesStep", repo, tx, warehouse, new IngestFilesTasklet(warehouse, inbox, sourceMappings));
    }

    @Bean
    Step validateRowsStep(JobRepository repo, PlatformTransactionManager tx, Warehouse warehouse, SalesbiSettings s) {
        return step(
                "validateRowsStep",
                repo,
                tx,
                warehouse,
                new SqlFolderTasklet(
                        warehouse, "validate", "staging", s.kpi(), s.home().resolve("reference")));
    }

    @Bean
    Step standardizeCustomersStep(JobRepository repo, PlatformTransactionManager tx, Warehouse warehouse) {
        return step("standardizeCustomersStep", repo, tx, warehouse, new StandardizeCustomersTasklet(warehouse));
    }

    @Bean
    Step matchCustomersStep(JobRepository repo, PlatformTransactionManager tx, Warehouse warehouse, SalesbiSettings s) {
        MatchSettings match = new MatchSettings(
                s.match().matchThreshold(),
                s.match().reviewThreshold(),
                s.match().overridesFile(),
                s.home().resolve("review"),
                s.match().sourcesWithoutDuplicates());
        return new StepBuilder("matchCustomersStep", repo)
                .tasklet(new MatchCustomersTasklet(warehouse, match), tx)
                .listener(new HeapStepMemory(warehouse))
                .listener(new StepRunRecorder(warehouse))
                .build();
    }

    @Bean
    Step consolidateStep(JobRepository repo, PlatformTransactionManager tx, Warehouse warehouse, SalesbiSettings s) {
        return step("consolidateStep", repo, tx, warehouse, new ConsolidateTasklet(warehouse, s.kpi()));
    }

    @Bean
    Step publishKpisStep(JobRepository repo, PlatformTransactionManager tx, Warehouse warehouse) {
        return step("publishKpisStep", repo, tx, warehouse, new PublishKpisTasklet(warehouse));
    }

    @Bean
    Step renderDashboardsStep(
            JobRepository repo, PlatformTransactionManager tx, Warehouse warehouse, SalesbiSettings s) {
        return step(
                "renderDashboardsStep",
                repo,
                tx,
                warehouse,
                new RenderDashboardsTasklet(warehouse, s.dashboards(), s.locale(), s.regionalPageSets()));
    }

    private static Step step(
            String name,
            JobRepository repo,
            PlatformTransactionManager tx,
            Warehouse warehouse,
            WarehouseTasklet tasklet) {
        return new StepBuilder(name, repo)
                .tasklet(tasklet, tx)
                .listener(new StepRunRecorder(warehouse))
                .build();
    }
}
