package io.salesbi.pipeline.job;

import java.time.LocalDate;
import org.springframework.batch.core.step.StepExecution;

/**
 * The night a step belongs to: its run id (the job instance, stable across restarts of the same night) and the
 * as-of date the KPIs are computed for.
 */
record NightContext(long runId, LocalDate asOf, boolean full) {

    static final String AS_OF = "asOf";
    static final String FULL = "full";

    static NightContext of(StepExecution step) {
        var params = step.getJobParameters();
        LocalDate asOf = params.getLocalDate(AS_OF, LocalDate.now());
        String full = params.getString(FULL, "false");
        return new NightContext(
                step.getJobExecution().getJobInstance().getInstanceId(), asOf, Boolean.parseBoolean(full));
    }
}
