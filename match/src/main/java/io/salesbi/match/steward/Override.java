package io.salesbi.match.steward;

/**
 * One steward decision about a record pair.
 *
 * @param action     force_match or force_split
 * @param recordKey1 first record (record key in the nightly run, id in ad-hoc runs)
 * @param recordKey2 second record
 * @param sourceFile file the decision was read from
 * @param sourceLine line (CSV) or row (xlsx, 1-based) in that file
 * @param comment    the steward's comment, may be null
 */
public record Override(
        Action action, String recordKey1, String recordKey2, String sourceFile, int sourceLine, String comment) {

    public enum Action {
        FORCE_MATCH,
        FORCE_SPLIT;

        public String code() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }
}
