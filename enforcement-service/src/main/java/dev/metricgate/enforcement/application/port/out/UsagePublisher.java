package dev.metricgate.enforcement.application.port.out;

import dev.metricgate.contracts.UsageEvent;
import java.util.List;

/** Hands usage events to usage-service's topic and waits until the broker has every one of them. */
public interface UsagePublisher {

    /**
     * @throws UsageNotPublishedException when not every event was acknowledged; some may have been,
     *     so publishing them again is safe only because usage-service counts an event id once
     */
    void publish(List<UsageEvent> events);

    /** Not every event of a batch reached the broker. */
    final class UsageNotPublishedException extends RuntimeException {
        public UsageNotPublishedException(String message) {
            super(message);
        }
    }
}
