package dev.metricgate.client;

import java.time.Duration;

/** Told of every check the client answers, e.g. to count outcomes ({@code MicrometerCheckListener}). */
@FunctionalInterface
public interface CheckListener {

    CheckListener NONE = (request, result, elapsed) -> {};

    /** Called on the thread that completed the check; must not throw or block. */
    void checked(CheckRequest request, CheckResult result, Duration elapsed);
}
