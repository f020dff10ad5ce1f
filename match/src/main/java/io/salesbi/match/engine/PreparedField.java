package io.salesbi.match.engine;

import io.salesbi.match.standardize.ParsedAddress;

/**
 * One field of all records, standardized once before any comparison: column arrays indexed by record.
 *
 * @param type     the field type
 * @param value    standardized value, null when missing
 * @param phonetic Kölner Phonetik code (name types) or another secondary key; null when not used
 * @param tokens   sorted distinct tokens (multi-word types); null when not used
 * @param blockKeys keys this field contributes to blocking, per record; empty when none; null once blocking is done
 * @param addresses street, house number, unit and postcode per record (address and street types); null otherwise
 * @param tokenWeights rarity weight of each token, parallel to {@code tokens} (company names, text, person lists);
 *     null otherwise
 */
record PreparedField(
        FieldType type,
        String[] value,
        String[] phonetic,
        String[][] tokens,
        String[][] blockKeys,
        ParsedAddress[] addresses,
        float[][] tokenWeights) {

    PreparedField(FieldType type, String[] value, String[] phonetic, String[][] tokens, String[][] blockKeys) {
        this(type, value, phonetic, tokens, blockKeys, null, null);
    }

    /** The same field without its blocking keys, which only blocking reads. */
    PreparedField withoutBlockKeys() {
        return new PreparedField(type, value, phonetic, tokens, null, addresses, tokenWeights);
    }
}
