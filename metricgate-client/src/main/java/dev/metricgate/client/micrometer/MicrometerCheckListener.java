package dev.metricgate.client.micrometer;

import dev.metricgate.client.CheckListener;
import dev.metricgate.client.CheckRequest;
import dev.metricgate.client.CheckResult;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;

/**
 * Micrometer meters of the client's checks: {@code metricgate.client.decisions} (counter) and
 * {@code metricgate.client.latency} (timer), both tagged {@code outcome} = {@code allowed}, {@code
 * denied}, {@code invalid_key} or {@code unavailable}. Micrometer is an optional dependency of the
 * client: this class is the only one that needs it.
 */
public final class MicrometerCheckListener implements CheckListener {

    public static final String DECISIONS = "metricgate.client.decisions";
    public static final String LATENCY = "metricgate.client.latency";

    private final Map<CheckResult.Outcome, Counter> decisions = new EnumMap<>(CheckResult.Outcome.class);
    private final Map<CheckResult.Outcome, Timer> latencies = new EnumMap<>(CheckResult.Outcome.class);

    public MicrometerCheckListener(MeterRegistry registry) {
        for (CheckResult.Outcome outcome : CheckResult.Outcome.values()) {
            decisions.put(
                    outcome,
                    Counter.builder(DECISIONS)
                            .description("Checks answered by the MetricGate client, by outcome")
                            .tag("outcome", outcome.tag())
                            .register(registry));
            latencies.put(
                    outcome,
                    Timer.builder(LATENCY)
                            .description("Time from asking enforcement-service to its answer (or the timeout)")
                            .tag("outcome", outcome.tag())
                            .publishPercentileHistogram()
                            .register(registry));
        }
    }

    @Override
    public void checked(CheckRequest request, CheckResult result, Duration elapsed) {
        decisions.get(result.outcome()).increment();
        latencies.get(result.outcome()).record(elapsed);
    }
}
