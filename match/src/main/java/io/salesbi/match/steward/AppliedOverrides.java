package io.salesbi.match.steward;

import io.salesbi.match.engine.ClusterConstraints;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Steward overrides translated to record indexes for the clustering, with the status of each: applied, or
 * unknown_record when a key names no current record (the override stays in its file and applies again once
 * the record comes back).
 */
public record AppliedOverrides(List<int[]> forceMatch, List<int[]> forceSplit, List<Status> statuses) {

    public record Status(Override override, String status) {}

    public static AppliedOverrides resolve(List<Override> overrides, Map<String, Integer> indexOfKey) {
        List<int[]> match = new ArrayList<>();
        List<int[]> split = new ArrayList<>();
        List<Status> statuses = new ArrayList<>();
        for (Override override : overrides) {
            Integer a = indexOfKey.get(override.recordKey1());
            Integer b = indexOfKey.get(override.recordKey2());
            if (a == null || b == null || a.equals(b)) {
                statuses.add(new Status(override, "unknown_record"));
                continue;
            }
            (override.action() == Override.Action.FORCE_MATCH ? match : split).add(new int[] {a, b});
            statuses.add(new Status(override, "applied"));
        }
        return new AppliedOverrides(match, split, statuses);
    }

    public ClusterConstraints constraints(int[] seeds) {
        return new ClusterConstraints(forceMatch, forceSplit, seeds);
    }

    /** Marks overrides whose outcome the clustering could not honour (a force_match blocked by a split). */
    public AppliedOverrides checkedAgainst(int[] clusterOf, Map<String, Integer> indexOfKey) {
        List<Status> checked = new ArrayList<>();
        for (Status status : statuses) {
            if (!status.status().equals("applied")) {
                checked.add(status);
                continue;
            }
            int a = indexOfKey.get(status.override().recordKey1());
            int b = indexOfKey.get(status.override().recordKey2());
            boolean together = clusterOf[a] == clusterOf[b];
            boolean wanted = status.override().action() == Override.Action.FORCE_MATCH;
            checked.add(new Status(status.override(), together == wanted ? "applied" : "conflict"));
        }
        return new AppliedOverrides(forceMatch, forceSplit, checked);
    }

    public long appliedCount() {
        return statuses.stream().filter(s -> s.status().equals("applied")).count();
    }
}
