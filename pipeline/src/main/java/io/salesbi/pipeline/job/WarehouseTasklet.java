package io.salesbi.pipeline.job;

import io.salesbi.pipeline.warehouse.Warehouse;
import java.sql.Connection;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

/**
 * A step of the night that works inside the warehouse on its own connection and commits its work as one
 * transaction, so that a failed step leaves nothing half-written and a restart simply runs it again.
 */
abstract class WarehouseTasklet implements Tasklet {

    private final Warehouse warehouse;

    WarehouseTasklet(Warehouse warehouse) {
        this.warehouse = warehouse;
    }

    /** Does the step's work on {@code conn} (auto-commit off); the caller commits or rolls back. */
    abstract StepCounts work(Connection conn, NightContext night) throws Exception;

    /** Whether the work runs inside one transaction; steps that manage their own transactions say no. */
    boolean transactional() {
        return true;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) throws Exception {
        StepExecution step = chunkContext.getStepContext().getStepExecution();
        NightContext night = NightContext.of(step);
        StepCounts counts;
        try (Connection conn = warehouse.connect()) {
            if (transactional()) {
                conn.setAutoCommit(false);
            }
            try {
                counts = work(conn, night);
                if (transactional()) {
                    conn.commit();
                }
            } catch (Exception e) {
                if (transactional()) {
                    conn.rollback();
                }
                throw e;
            }
        }
        step.setReadCount(counts.read());
        step.setWriteCount(counts.written());
        step.setFilterCount(counts.rejected());
        if (counts.summary() != null) {
            step.getExecutionContext().putString("summary", counts.summary());
        }
        return RepeatStatus.FINISHED;
    }

    Warehouse warehouse() {
        return warehouse;
    }
}
