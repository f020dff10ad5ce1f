package io.salesbi.match.engine;

/**
 * One field of all records, standardized once before any comparison: column arrays indexed by record.
 *
 * @param type     the field type
 * @param value    standardized value, null when missing
 * @param phonetic Kölner Phonetik code (name types) or another secondary key; null when not used
 * @param tokens   sorted distinct tokens (multi-word types); null when not used
 * @param blockKeys keys this field contributes to blocking, per record; empty when none
 */
record PreparedField(FieldType type, String[] value, String[] phonetic, String[][] tokens, String[][] blockKeys) {
}
