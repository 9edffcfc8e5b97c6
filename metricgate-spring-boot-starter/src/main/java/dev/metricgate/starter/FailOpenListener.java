package dev.metricgate.starter;

import dev.metricgate.client.CheckResult;

/** Told of every call let through without a decision because enforcement-service did not answer. */
@FunctionalInterface
public interface FailOpenListener {

    FailOpenListener NONE = unavailable -> {};

    void failedOpen(CheckResult.Unavailable unavailable);
}
