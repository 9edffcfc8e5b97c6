package dev.metricgate.enforcement.application.port.out;

/** The shared counters did not answer (down, timed out, or the circuit breaker is open). */
public final class CountersUnreachableException extends RuntimeException {

    public CountersUnreachableException(String message, Throwable cause) {
        super(message, cause, false, false);
    }
}
