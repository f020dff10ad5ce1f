package io.salesbi.connectors.read;

/** A cell value that does not fit its field; cheap to throw (no stack trace), since bad cells are routine. */
final class ValueException extends Exception {

    private final String rule;

    ValueException(String rule, String message) {
        super(message, null, false, false);
        this.rule = rule;
    }

    /** The stable rule code, e.g. {@code type.decimal}. */
    String rule() {
        return rule;
    }
}
