package io.salesbi.connectors.mapping;

/** The canonical types a mapped field can have, with the Java type a reader emits for each. */
public enum FieldType {
    /** {@link String}, trimmed; empty becomes null. */
    STRING,
    /** {@link Long}. */
    INTEGER,
    /** {@link java.math.BigDecimal}, honouring the field's locale (decimal comma). */
    DECIMAL,
    /** {@link java.math.BigDecimal} as a fraction: "23 %" and a %-formatted 0.23 both give 0.23. */
    PERCENT,
    /** {@link java.time.LocalDate}: text in the field's format, or an Excel serial date (1900 or 1904 system). */
    DATE,
    /** {@link java.time.LocalDateTime}. */
    TIMESTAMP,
    /** {@link Boolean}: true/false, yes/no, ja/nein, 1/0, x/empty. */
    BOOLEAN
}
