package dev.metricgate.enforcement.adapter.out.metrics;

import dev.metricgate.enforcement.application.CheckCommand.Protocol;
import dev.metricgate.enforcement.application.port.out.EnforcementMetrics;
import dev.metricgate.enforcement.domain.Decision;
import dev.metricgate.enforcement.domain.DecisionPath;
import dev.metricgate.enforcement.domain.FailureMode;
import dev.metricgate.enforcement.domain.Outcome;
import dev.metricgate.enforcement.domain.Policy;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Locale;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * Hot-path metrics; every counter is registered once up front so a decision costs one array
 * lookup and an increment.
 */
@Component
class MicrometerEnforcementMetrics implements EnforcementMetrics {

    private static final String NONE = "none";

    private final Counter[][][][] decisions;
    private final Counter[] fallbacks;
    private final Counter[][] lookups;
    private final ConcurrentHashMap<String, Counter> rejections = new ConcurrentHashMap<>();
    private final MeterRegistry meters;

    MicrometerEnforcementMetrics(MeterRegistry meters) {
        this.meters = meters;
        Policy[] policies = Policy.values();
        Protocol[] protocols = Protocol.values();
        decisions = new Counter[Outcome.values().length][policies.length + 1][DecisionPath.values().length]
                [protocols.length];
        for (Outcome outcome : Outcome.values()) {
            for (int p = 0; p <= policies.length; p++) {
                for (DecisionPath path : DecisionPath.values()) {
                    for (Protocol protocol : protocols) {
                        decisions[outcome.ordinal()][p][path.ordinal()][protocol.ordinal()] = Counter.builder(
                                        "metricgate.decisions")
                                .description("Check decisions by outcome, denying policy, path and protocol")
                                .tag("outcome", lower(outcome.name()))
                                .tag("policy", p < policies.length ? policies[p].wireName() : NONE)
                                .tag("path", lower(path.name()))
                                .tag("protocol", lower(protocol.name()))
                                .register(meters);
                    }
                }
            }
        }
        fallbacks = new Counter[FailureMode.values().length];
        for (FailureMode mode : FailureMode.values()) {
            fallbacks[mode.ordinal()] = Counter.builder("metricgate.fallbacks")
                    .description("Checks decided by the plan's failure mode because Redis was unreachable")
                    .tag("mode", lower(mode.name()))
                    .register(meters);
        }
        lookups = new Counter[CacheLevel.values().length][2];
        for (CacheLevel level : CacheLevel.values()) {
            for (int hit = 0; hit < 2; hit++) {
                lookups[level.ordinal()][hit] = Counter.builder("metricgate.key.cache.lookups")
                        .description("Key resolution lookups per cache level; hit ratio = hit / (hit + miss)")
                        .tag("level", lower(level.name()))
                        .tag("result", hit == 1 ? "hit" : "miss")
                        .register(meters);
            }
        }
        rejection("unauthorized");
        rejection("unavailable");
    }

    @Override
    public void decided(Decision decision, Protocol protocol) {
        int policy = decision.denied() == null
                ? Policy.values().length
                : decision.denied().policy().ordinal();
        decisions[decision.outcome().ordinal()][policy][decision.path().ordinal()][protocol.ordinal()].increment();
    }

    @Override
    public void rejected(String reason) {
        rejection(reason).increment();
    }

    private Counter rejection(String reason) {
        return rejections.computeIfAbsent(
                reason,
                r -> Counter.builder("metricgate.rejections")
                        .description("Checks answered without a decision (401 invalid key, 503 unavailable)")
                        .tag("reason", r)
                        .register(meters));
    }

    @Override
    public void fallback(FailureMode mode) {
        fallbacks[mode.ordinal()].increment();
    }

    @Override
    public void cacheLookup(CacheLevel level, boolean hit) {
        lookups[level.ordinal()][hit ? 1 : 0].increment();
    }

    private static String lower(String name) {
        return name.toLowerCase(Locale.ROOT);
    }
}
