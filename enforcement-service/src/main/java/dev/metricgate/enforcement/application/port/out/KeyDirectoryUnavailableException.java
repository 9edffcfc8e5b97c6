package dev.metricgate.enforcement.application.port.out;

/** plans-service could not answer a key lookup in time. */
public final class KeyDirectoryUnavailableException extends RuntimeException {

    public KeyDirectoryUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
