package io.salesbi.match.engine;

import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Records identical on every match field once standardized ("twins": "AKZO NOBEL N.V." and "Akzo Nobel NV", or
 * one company exported twice by two systems). They compare equally with every other record, so one of them, the
 * representative (the smallest record index), stands for all: blocking compares the representatives of a block
 * that is too large to compare in full when few distinct records remain in it, and links each twin to its
 * representative; clustering counts a pair of representatives once for every pair of records they stand for.
 * Without this a list in which one organisation fills hundreds of rows (a patent office's applicant list: one
 * company 676 times under 77 spellings) had its largest blocks dropped as oversize and its large clusters refused
 * by average linkage, which counts every pair blocking never proposed against the merge.
 *
 * <p>Records with a steward's decision or a previous cluster are nobody's twin (they keep their own constraints).
 */
final class Twins {

    private Twins() {}

    /**
     * Per record the index of its representative (itself for a record without twins), or null when no record has
     * a twin. Twins agree on every field's standardized value (missing on both counts as agreeing), on the
     * source in a list of sources without duplicates, and carry no constraint.
     */
    static int[] representatives(List<PreparedField> fields, int n, ClusterConstraints constraints) {
        if (n < 2 || fields.isEmpty()) {
            return null;
        }
        boolean[] bound = new boolean[n];
        for (int[] pair : constraints.forceMatch()) {
            bound[pair[0]] = true;
            bound[pair[1]] = true;
        }
        for (int[] pair : constraints.forceSplit()) {
            bound[pair[0]] = true;
            bound[pair[1]] = true;
        }
        int[] seeds = constraints.seeds();
        int[] sources = constraints.distinctSource();
        long[] keys = new long[n];
        int free = 0;
        for (int i = 0; i < n; i++) {
            if (bound[i] || seeds != null && seeds[i] >= 0) {
                continue;
            }
            long h = sources == null ? 17 : 17 + sources[i];
            for (PreparedField field : fields) {
                String value = field.value()[i];
                h = h * 1_000_003L + (value == null ? 0 : value.hashCode() + 1);
            }
            // hash in the high bits, record in the low 32, so that sorting groups equal hashes in record order
            keys[free++] = (h ^ (h >>> 32)) << 32 | i;
        }
        long[] sorted = Arrays.copyOf(keys, free);
        Arrays.sort(sorted);
        int[] representative = new int[n];
        for (int i = 0; i < n; i++) {
            representative[i] = i;
        }
        boolean any = false;
        int start = 0;
        while (start < free) {
            int end = start + 1;
            long hash = sorted[start] & 0xffff_ffff_0000_0000L;
            while (end < free && (sorted[end] & 0xffff_ffff_0000_0000L) == hash) {
                end++;
            }
            if (end - start > 1) {
                any |= group(sorted, start, end, fields, sources, representative);
            }
            start = end;
        }
        return any ? representative : null;
    }

    /** Within records of one hash: each record joins the first earlier record equal to it on every field. */
    private static boolean group(
            long[] sorted, int start, int end, List<PreparedField> fields, int[] sources, int[] representative) {
        boolean any = false;
        Set<Integer> heads = new HashSet<>();
        for (int k = start; k < end; k++) {
            int record = (int) (sorted[k] & 0xffff_ffffL);
            for (int head : heads) {
                if (equal(fields, sources, head, record)) {
                    representative[record] = head;
                    any = true;
                    break;
                }
            }
            if (representative[record] == record) {
                heads.add(record);
            }
        }
        return any;
    }

    static boolean equal(List<PreparedField> fields, int[] sources, int x, int y) {
        if (sources != null && sources[x] != sources[y]) {
            return false;
        }
        for (PreparedField field : fields) {
            String a = field.value()[x];
            String b = field.value()[y];
            if (a == null ? b != null : !a.equals(b)) {
                return false;
            }
        }
        return true;
    }

    /** Per record the number of records its representative stands for: the group's size, 0 for the other twins. */
    static int[] weights(int[] representative) {
        int[] weight = new int[representative.length];
        for (int i = 0; i < representative.length; i++) {
            weight[representative[i]]++;
        }
        return weight;
    }
}
