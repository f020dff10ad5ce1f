package io.salesbi.pipeline.job;

import io.salesbi.pipeline.warehouse.Warehouse;
import java.sql.SQLException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.step.StepExecution;

/**
 * Hands memory from DuckDB to Java and back around a step that works in the heap (matching): before it, DuckDB's
 * buffer limit drops (DuckDB evicts the blocks it cached for ingest and validation); after it, the heap is collected,
 * so the JVM can give the matcher's memory back to the system, and DuckDB gets its limit back for consolidation. The
 * night's peak resident memory is then the larger of the two, not their sum.
 */
final class HeapStepMemory implements StepExecutionListener {

    private static final Logger log = LoggerFactory.getLogger(HeapStepMemory.class);
    static final String DUCKDB_LIMIT_DURING_STEP = "256MB";

    private final Warehouse warehouse;

    HeapStepMemory(Warehouse warehouse) {
        this.warehouse = warehouse;
    }

    @Override
    public void beforeStep(StepExecution step) {
        set(DUCKDB_LIMIT_DURING_STEP, step);
    }

    @Override
    public ExitStatus afterStep(StepExecution step) {
        System.gc(); // a hint: with G1 the JVM shrinks the heap and returns the memory to the system
        set(Warehouse.configuredMemoryLimit(), step);
        return step.getExitStatus();
    }

    private void set(String limit, StepExecution step) {
        try {
            warehouse.limitMemory(limit);
        } catch (SQLException e) {
            log.warn("{}: could not set DuckDB's memory limit to {}: {}", step.getStepName(), limit, e.getMessage());
        }
    }
}
