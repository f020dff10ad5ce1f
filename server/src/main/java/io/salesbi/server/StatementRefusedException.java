package io.salesbi.server;

/** A request the read-only endpoint refuses: a non-query statement, a file-reading function, another user's handle. */
final class StatementRefusedException extends RuntimeException {

    StatementRefusedException(String message) {
        super(message);
    }
}
