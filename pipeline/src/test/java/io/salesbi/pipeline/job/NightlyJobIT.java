package io.salesbi.pipeline.job;

import static org.assertj.core.api.Assertions.assertThat;

import io.salesbi.pipeline.config.SalesbiSettings;
import io.salesbi.pipeline.config.SettingsLoader;
import io.salesbi.pipeline.warehouse.Warehouse;
import io.salesbi.sql.ClasspathScripts;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.test.JobOperatorTestUtils;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;

/**
 * The nightlyJob itself, as NightlyRun builds it (the real configuration, an H2 job repository, a DuckDB warehouse in
 * a temporary folder), launched through Spring Batch's JobOperatorTestUtils: the order of its steps, a failed step
 * failing the job and a restart resuming at that step (the steps before it not run again), the steps that skip their
 * work when their input is unchanged (and do it with --full), and the job's final status. The night's own verdict on
 * its files (COMPLETED_WITH_WARNINGS when all of a file's rows are quarantined) is decided after the job, in
 * NightlyRun; HonestNightIT shows it through the command line.
 */
class NightlyJobIT {

    private static final List<String> STEPS = List.of(
            "ingestFilesStep",
            "validateRowsStep",
            "standardizeCustomersStep",
            "matchCustomersStep",
            "consolidateStep",
            "publishKpisStep",
            "renderDashboardsStep");
    private static final LocalDate AS_OF = LocalDate.of(2026, 1, 15);

    @TempDir
    Path home;

    private Warehouse warehouse;
    private AnnotationConfigApplicationContext context;
    private JobOperatorTestUtils batch;
    private long nights;

    @BeforeEach
    void openTheNightsContext() throws Exception {
        SalesbiSettings settings = SettingsLoader.defaults(home);
        Files.createDirectories(settings.inbox());
        warehouse = Warehouse.open(settings.warehouse());
        context = new AnnotationConfigApplicationContext();
        context.registerBean(SalesbiSettings.class, () -> settings);
        context.registerBean(Warehouse.class, () -> warehouse, bd -> bd.setDestroyMethodName(""));
        context.register(NightlyJobConfiguration.class);
        context.refresh();
        batch = new JobOperatorTestUtils(context.getBean(JobOperator.class), context.getBean(JobRepository.class));
        batch.setJob(context.getBean(Job.class));
    }

    @AfterEach
    void close() throws Exception {
        context.close();
        warehouse.close();
    }

    @Test
    void theStepsRunInTheNightsOrderAndANightWithNothingToDoCompletes() throws Exception {
        JobExecution night = batch.startJob(night(false));

        assertThat(night.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(night.getExitStatus().getExitCode()).isEqualTo("COMPLETED");
        assertThat(stepNames(night)).isEqualTo(STEPS);
        assertThat(night.getStepExecutions())
                .extracting(StepExecution::getStatus)
                .containsOnly(BatchStatus.COMPLETED);
        // each step leaves its line in ops.step_run for `salesbi history`, in the same order
        assertThat(rows("select step_name || ':' || status from ops.step_run where run_id = "
                        + night.getJobInstance().getInstanceId() + " order by started_at, step_name"))
                .containsExactlyElementsOf(
                        STEPS.stream().map(step -> step + ":COMPLETED").toList());
    }

    @Test
    void aFailedStepFailsTheNightAndTheRestartResumesAtThatStep() throws Exception {
        // consolidation's last script rebuilds core.dim_region: without the table the consolidate step fails
        execute("alter table core.dim_region rename to dim_region_away");

        JobExecution failed = batch.startJob(night(false));

        assertThat(failed.getStatus()).isEqualTo(BatchStatus.FAILED);
        assertThat(failed.getExitStatus().getExitCode()).isEqualTo("FAILED");
        assertThat(statusByStep(failed))
                .containsExactly(
                        Map.entry("ingestFilesStep", BatchStatus.COMPLETED),
                        Map.entry("validateRowsStep", BatchStatus.COMPLETED),
                        Map.entry("standardizeCustomersStep", BatchStatus.COMPLETED),
                        Map.entry("matchCustomersStep", BatchStatus.COMPLETED),
                        Map.entry("consolidateStep", BatchStatus.FAILED));
        assertThat(failed.getAllFailureExceptions())
                .singleElement()
                .satisfies(e -> assertThat(e).hasMessageContaining("sql/consolidate/90_dim_region.sql"));
        // the failed step rolled back: nothing of the night was published
        assertThat(rows("select count(*) from ops.publish")).containsExactly("0");

        execute("alter table core.dim_region_away rename to dim_region");
        JobExecution resumed = batch.getJobOperator().restart(failed);

        assertThat(resumed.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(resumed.getJobInstance().getInstanceId())
                .as("the same night, so the same run id")
                .isEqualTo(failed.getJobInstance().getInstanceId());
        assertThat(stepNames(resumed)).containsExactly("consolidateStep", "publishKpisStep", "renderDashboardsStep");
        assertThat(rows("select count(*) from ops.publish")).containsExactly("1");
    }

    @Test
    void stepsWhoseInputIsUnchangedSkipTheirWorkUnlessTheNightIsFull() throws Exception {
        JobExecution first = batch.startJob(night(false));
        JobExecution unchanged = batch.startJob(night(false));
        deliverOneDebtor();
        JobExecution delivered = batch.startJob(night(false));
        JobExecution full = batch.startJob(night(true));

        assertThat(List.of(first, unchanged, delivered, full))
                .extracting(JobExecution::getStatus)
                .containsOnly(BatchStatus.COMPLETED);
        assertThat(summary(first, "standardizeCustomersStep")).isEqualTo("0 customer records standardized");
        assertThat(summary(first, "validateRowsStep")).doesNotContain("skipped");

        // nothing new: customer records kept, no matching, every validation script that may skip skipped
        assertThat(summary(unchanged, "standardizeCustomersStep"))
                .startsWith("no customer source delivered since the last run");
        assertThat(summary(unchanged, "matchCustomersStep"))
                .startsWith("customer records and overrides unchanged since the last match");
        // every script marked "Skipped when unchanged", however many sources there are (not the order lines', which
        // validate incrementally instead, nor the product and debtor scripts, which read the order lines and run
        // every night)
        List<String> all = ClasspathScripts.list("sql/validate");
        long marked = all.stream()
                .filter(script -> ClasspathScripts.read(script).contains("-- Skipped when unchanged:"))
                .count();
        assertThat(marked).isEqualTo(all.size() - 3);
        String allButOrderLinesSkipped = marked + " of " + all.size() + " scripts skipped";
        assertThat(summary(unchanged, "validateRowsStep")).contains(allButOrderLinesSkipped);

        // a debtor delivered: standardized and matched again; the scripts that read debtors run
        assertThat(summary(delivered, "standardizeCustomersStep")).isEqualTo("1 customer records standardized");
        assertThat(summary(delivered, "matchCustomersStep")).startsWith("1 records matched into 1 golden customers");
        assertThat(summary(delivered, "validateRowsStep")).doesNotContain(allButOrderLinesSkipped);

        // --full: nothing skipped
        assertThat(summary(full, "standardizeCustomersStep")).isEqualTo("1 customer records standardized");
        assertThat(summary(full, "matchCustomersStep")).startsWith("1 records matched into 1 golden customers");
        assertThat(summary(full, "validateRowsStep")).doesNotContain("skipped");
    }

    private void deliverOneDebtor() throws Exception {
        Path erp = Files.createDirectories(home.resolve("inbox/erp"));
        Files.writeString(
                erp.resolve("erp_debtors_20260115.csv"),
                "Debitor;Name 1;Name 2;Strasse;PLZ;Ort;Land;USt-IdNr;Waehrung;Branche;Region;Betreuer;Telefon\r\n"
                        + "0004711;Müller Maschinenbau GmbH;;Hafenstraße 1;20457;Hamburg;DE;;EUR;Maschinenbau;Nord;"
                        + "Anna Beck;\r\n",
                Charset.forName("windows-1252"));
    }

    private JobParameters night(boolean full) {
        return new JobParametersBuilder()
                .addLong("night", ++nights)
                .addLocalDate(NightContext.AS_OF, AS_OF)
                .addString(NightContext.FULL, Boolean.toString(full))
                .toJobParameters();
    }

    private static List<String> stepNames(JobExecution execution) {
        return execution.getStepExecutions().stream()
                .sorted(Comparator.comparing(StepExecution::getId))
                .map(StepExecution::getStepName)
                .toList();
    }

    private static Map<String, BatchStatus> statusByStep(JobExecution execution) {
        return execution.getStepExecutions().stream()
                .sorted(Comparator.comparing(StepExecution::getId))
                .collect(Collectors.toMap(
                        StepExecution::getStepName,
                        StepExecution::getStatus,
                        (a, b) -> a,
                        java.util.LinkedHashMap::new));
    }

    private static String summary(JobExecution execution, String step) {
        return execution.getStepExecutions().stream()
                .filter(s -> s.getStepName().equals(step))
                .map(s -> s.getExecutionContext().getString("summary"))
                .findFirst()
                .orElseThrow();
    }

    private void execute(String sql) throws Exception {
        try (Connection conn = warehouse.connect();
                Statement st = conn.createStatement()) {
            st.execute(sql);
        }
    }

    private List<String> rows(String sql) throws Exception {
        try (Connection conn = warehouse.connect();
                Statement st = conn.createStatement();
                ResultSet rs = st.executeQuery(sql)) {
            List<String> rows = new java.util.ArrayList<>();
            while (rs.next()) {
                rows.add(rs.getString(1));
            }
            return rows;
        }
    }
}
