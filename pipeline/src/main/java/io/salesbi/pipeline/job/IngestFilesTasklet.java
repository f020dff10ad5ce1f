package io.salesbi.pipeline.job;

import io.salesbi.connectors.mapping.MappingException;
import io.salesbi.connectors.mapping.MappingLoader.MappingSet;
import io.salesbi.pipeline.ingest.FileIngestor;
import io.salesbi.pipeline.ingest.FileLoadResult;
import io.salesbi.pipeline.ingest.FileLoadResult.Status;
import io.salesbi.pipeline.ingest.InboxIngestion;
import io.salesbi.pipeline.ingest.InboxSettings;
import io.salesbi.pipeline.warehouse.Warehouse;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;

/** ingestFilesStep: works off the inbox through the Camel routes, one transaction per file. */
final class IngestFilesTasklet extends WarehouseTasklet {

    private final InboxSettings inbox;
    private final MappingSet mappings;

    IngestFilesTasklet(Warehouse warehouse, InboxSettings inbox, MappingSet mappings) {
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
        FileIngestor ingestor = new FileIngestor(warehouse(), night.runId());
        List<FileLoadResult> results = new ArrayList<>();
        for (MappingException broken : mappings.broken()) {
            results.add(ingestor.recordBrokenMapping(broken));
        }
        results.addAll(new InboxIngestion(inbox, mappings.mappings()).drain(ingestor));
        long delivered =
                results.stream().mapToLong(FileLoadResult::rowsDelivered).sum();
        long loaded = results.stream().mapToLong(FileLoadResult::rowsLoaded).sum();
        long rejected = results.stream().mapToLong(FileLoadResult::rowsRejected).sum();
        long files = results.stream().filter(r -> r.status() == Status.LOADED).count();
        long duplicates =
                results.stream().filter(r -> r.status() == Status.DUPLICATE).count();
        long failed = results.stream().filter(r -> r.status() == Status.FAILED).count();
        return new StepCounts(
                delivered,
                loaded,
                rejected,
                files + " files loaded, " + duplicates + " skipped as already loaded, " + failed + " failed");
    }
}
