package io.salesbi.server;

/**
 * A query refused because too many queries run or wait already ({@link QueryLimits}). Unchecked, as every answer
 * Avatica turns into an error response must be: the client reads the message and may try again shortly.
 */
final class ServerBusyException extends RuntimeException {

    ServerBusyException(String message) {
        super(message);
    }
}
