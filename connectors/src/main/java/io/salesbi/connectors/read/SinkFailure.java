package io.salesbi.connectors.read;

/**
 * Carries an exception thrown by the caller's {@link RowSink} through the parsers, so that a failing load (say, a
 * database error) is never mistaken for a damaged file. Readers unwrap it and rethrow the original.
 */
final class SinkFailure extends RuntimeException {

    SinkFailure(RuntimeException cause) {
        super(cause);
    }

    /** The sink's own exception. */
    RuntimeException original() {
        return (RuntimeException) getCause();
    }
}
