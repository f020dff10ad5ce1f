package io.salesbi.pipeline.ingest;

import io.salesbi.connectors.mapping.SourceMapping;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.apache.camel.CamelContext;
import org.apache.camel.impl.DefaultCamelContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Works off the inbox once: starts the Camel inbox route of each folder in turn (folders in name order, files in
 * name order, so that load ids and "latest delivery wins" are the same on every run), waits until it has polled
 * its folder empty (files still being written stay for the next night), stops it and goes on with the next. A
 * folder holding no file when its turn comes is not polled (on a night with one delivery, starting and stopping a
 * route for each of the other folders cost more than loading the file).
 */
public final class InboxIngestion {

    private static final Logger log = LoggerFactory.getLogger(InboxIngestion.class);

    private final InboxSettings settings;
    private final List<SourceMapping> mappings;

    public InboxIngestion(InboxSettings settings, List<SourceMapping> mappings) {
        this.settings = settings;
        this.mappings = mappings;
    }

    public List<FileLoadResult> drain(FileIngestor ingestor) throws Exception {
        Map<String, List<SourceMapping>> byInbox = mappings.stream()
                .collect(Collectors.groupingBy(SourceMapping::inbox, TreeMap::new, Collectors.toList()));
        InboxProgress progress = new InboxProgress();
        try (CamelContext camel = new DefaultCamelContext()) {
            camel.getShutdownStrategy().setTimeout(30);
            camel.getShutdownStrategy().setLogInflightExchangesOnTimeout(true);
            camel.addRoutes(new InboxRoutes(settings, byInbox, ingestor, progress));
            long started = System.nanoTime();
            camel.start();
            log.debug("Camel started in {} ms", (System.nanoTime() - started) / 1_000_000);
            long deadline = System.nanoTime() + settings.drainTimeout().toNanos();
            for (String inbox : byInbox.keySet()) {
                if (!InboxRoutes.holdsFiles(settings.inbox().resolve(inbox), settings)) {
                    continue;
                }
                camel.getRouteController().startRoute(InboxRoutes.routeId(inbox));
                while (!progress.isIdle(inbox)) {
                    if (System.nanoTime() > deadline) {
                        log.warn(
                                "The inbox was not worked off within {}; the rest waits for the next run",
                                settings.drainTimeout());
                        break;
                    }
                    Thread.sleep(20);
                }
                long stopping = System.nanoTime();
                camel.getRouteController().stopRoute(InboxRoutes.routeId(inbox));
                log.debug(
                        "Inbox {} worked off; its route stopped in {} ms",
                        inbox,
                        (System.nanoTime() - stopping) / 1_000_000);
            }
            long stopping = System.nanoTime();
            camel.stop();
            log.debug("Camel stopped in {} ms", (System.nanoTime() - stopping) / 1_000_000);
        }
        return progress.results();
    }
}
