package io.salesbi.pipeline.privacy;

import java.util.Map;

/**
 * One place that holds data of the person.
 *
 * @param place      {@code warehouse}, {@code archive} or {@code error}
 * @param location   the relation ({@code raw.crm_contact}) or the file, relative to the installation folder
 * @param sourceFile the delivered file a warehouse row came from, when the relation records it; null for files
 * @param sheet      the sheet (xlsx) the row is on, when known
 * @param row        the row (xlsx) or line (CSV) number in the file, when known
 * @param match      {@code row}: the row is the person's (an e-mail, phone or name column is theirs); {@code text}:
 *                   free text mentions them; {@code linked}: the row holds an id of one of their rows (a contact id)
 * @param values     the personal values held there, by column (warehouse) or by column number from 1 (files)
 */
public record Hit(
        String place,
        String location,
        String sourceFile,
        String sheet,
        Long row,
        String match,
        Map<String, String> values) {

    public static final String ROW = "row";
    public static final String TEXT = "text";
    public static final String LINKED = "linked";
}
