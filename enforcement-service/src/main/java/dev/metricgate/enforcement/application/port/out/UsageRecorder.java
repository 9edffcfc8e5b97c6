package dev.metricgate.enforcement.application.port.out;

import dev.metricgate.contracts.UsageEvent;

/** Takes usage events off the request thread; never blocks and never throws. */
public interface UsageRecorder {

    void record(UsageEvent event);
}
