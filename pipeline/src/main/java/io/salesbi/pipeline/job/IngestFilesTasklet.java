package io.salesbi.pipeline.job;

import io.salesbi.connectors.mapping.SourceMapping;
import io.salesbi.pipeline.ingest.FileIngestor;
import io.salesbi.pipeline.ingest.FileLoadResult;
import io.salesbi.pipeline.ingest.FileLoadResult.Status;
import io.salesbi.pipeline.ingest.InboxIngestion;
import io.salesbi.pipeline.ingest.InboxSettings;
import io.salesbi.pipeline.warehouse.Warehouse;

import java.sql.Connection;
import java.util.List;

/** ingestFilesStep: works off the inbox through the Camel routes, one transaction per file. */
final class IngestFilesTasklet extends WarehouseTasklet {

    private final InboxSettings inbox;
    private final List<SourceMapping> mappings;

    IngestFilesTasklet(Warehouse warehouse, InboxSettings inbox, List<SourceMapping> mappings) {
        super(warehouse);
        this.inbox = inbox;
        this.mappings = mappings;
    }

    @Override
    boolean transactional() {
        return false;
    }

    @Override
    StepCounts work(Connection conn, NightContext night) throws Exception {
        List<FileLoadResult> results = new InboxIngestion(inbox, mappings).drain(new FileIngestor(warehouse(), night.runId()));
        long delivered = results.stream().mapToLong(FileLoadResult::rowsDelivered).sum();
        long loaded = results.stream().mapToLong(FileLoadResult::rowsLoaded).sum();
        long rejected = results.stream().mapToLong(FileLoadResult::rowsRejected).sum();
        long files = results.stream().filter(r -> r.status() == Status.LOADED).count();
        long duplicates = results.stream().filter(r -> r.status() == Status.DUPLICATE).count();
        long failed = results.stream().filter(r -> r.status() == Status.FAILED).count();
        return new StepCounts(delivered, loaded, rejected,
                files + " files loaded, " + duplicates + " skipped as already loaded, " + failed + " failed");
    }
}
