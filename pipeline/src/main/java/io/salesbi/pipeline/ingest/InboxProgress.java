package io.salesbi.pipeline.ingest;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Tracks which inbox routes have worked off their folder, and what became of each file. */
final class InboxProgress {

    private final Map<String, Boolean> idle = new ConcurrentHashMap<>();
    private final List<FileLoadResult> results = Collections.synchronizedList(new ArrayList<>());

    void busy(String inbox) {
        idle.put(inbox, false);
    }

    void idle(String inbox) {
        idle.put(inbox, true);
    }

    void record(FileLoadResult result) {
        results.add(result);
    }

    boolean isIdle(String inbox) {
        return idle.getOrDefault(inbox, false);
    }

    List<FileLoadResult> results() {
        synchronized (results) {
            return List.copyOf(results);
        }
    }
}
