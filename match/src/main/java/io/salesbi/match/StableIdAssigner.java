package io.salesbi.match;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Gives clusters their customer ids so that a customer keeps its id across runs. Each previous id goes to the
 * cluster holding most of its previous records (ties: the smaller id wins, then the cluster with the smaller
 * record key); clusters left without an id get new ones after the highest id ever given. Every change is an
 * event: new ids, ids merged into another, clusters split off an id, ids whose records are all gone.
 */
final class StableIdAssigner {

    record Assignment(String[] customerIdOfRecord, List<IdEvent> events) {}

    private record Claim(int cluster, String customerId, int count) {}

    private StableIdAssigner() {}

    /**
     * @param recordKeys  record keys in record index order (sorted)
     * @param clusterOf   cluster label per record (smallest record index of the cluster)
     * @param previous    record key → customer id from the previous run
     * @param highestId   highest numeric id ever given (0 when none)
     */
    static Assignment assign(List<String> recordKeys, int[] clusterOf, Map<String, String> previous, long highestId) {
        Map<Integer, Map<String, Integer>> oldIdsByCluster = new TreeMap<>();
        Map<Integer, Integer> clusterSize = new TreeMap<>();
        for (int i = 0; i < clusterOf.length; i++) {
            clusterSize.merge(clusterOf[i], 1, Integer::sum);
            String old = previous.get(recordKeys.get(i));
            if (old != null) {
                oldIdsByCluster
                        .computeIfAbsent(clusterOf[i], c -> new TreeMap<>())
                        .merge(old, 1, Integer::sum);
            }
        }
        List<Claim> claims = new ArrayList<>();
        oldIdsByCluster.forEach(
                (cluster, ids) -> ids.forEach((id, count) -> claims.add(new Claim(cluster, id, count))));
        claims.sort((x, y) -> x.count() != y.count()
                ? Integer.compare(y.count(), x.count())
                : !x.customerId().equals(y.customerId())
                        ? x.customerId().compareTo(y.customerId())
                        : Integer.compare(x.cluster(), y.cluster()));
        Map<Integer, String> idOfCluster = new HashMap<>();
        Map<String, Integer> clusterOfId = new HashMap<>();
        for (Claim claim : claims) {
            if (!idOfCluster.containsKey(claim.cluster()) && !clusterOfId.containsKey(claim.customerId())) {
                idOfCluster.put(claim.cluster(), claim.customerId());
                clusterOfId.put(claim.customerId(), claim.cluster());
            }
        }
        List<IdEvent> events = new ArrayList<>();
        long next = highestId;
        for (int cluster : clusterSize.keySet()) {
            if (!idOfCluster.containsKey(cluster)) {
                String id = CustomerIds.format(++next);
                idOfCluster.put(cluster, id);
                Map<String, Integer> oldIds = oldIdsByCluster.get(cluster);
                if (oldIds == null) {
                    events.add(new IdEvent(IdEvent.NEW, id, null, clusterSize.get(cluster)));
                } else {
                    events.add(new IdEvent(IdEvent.SPLIT, id, mostFrequent(oldIds), clusterSize.get(cluster)));
                }
            }
        }
        TreeSet<String> previousIds = new TreeSet<>(previous.values());
        Map<String, Map<Integer, Integer>> whereOldIdWent = new HashMap<>();
        oldIdsByCluster.forEach((cluster, ids) -> ids.forEach((id, count) ->
                whereOldIdWent.computeIfAbsent(id, x -> new TreeMap<>()).merge(cluster, count, Integer::sum)));
        for (String oldId : previousIds) {
            if (clusterOfId.containsKey(oldId)) {
                continue;
            }
            Map<Integer, Integer> went = whereOldIdWent.get(oldId);
            if (went == null) {
                events.add(new IdEvent(IdEvent.RETIRE, oldId, null, 0));
                continue;
            }
            int target = mostFrequent(went);
            String survivor = idOfCluster.get(target);
            events.add(new IdEvent(IdEvent.MERGE, survivor, oldId, clusterSize.get(target)));
        }
        String[] idOfRecord = new String[clusterOf.length];
        for (int i = 0; i < clusterOf.length; i++) {
            idOfRecord[i] = idOfCluster.get(clusterOf[i]);
        }
        return new Assignment(idOfRecord, events);
    }

    private static <K extends Comparable<K>> K mostFrequent(Map<K, Integer> counts) {
        K best = null;
        int bestCount = -1;
        for (Map.Entry<K, Integer> entry : new TreeMap<>(counts).entrySet()) {
            if (entry.getValue() > bestCount) {
                best = entry.getKey();
                bestCount = entry.getValue();
            }
        }
        return best;
    }
}
