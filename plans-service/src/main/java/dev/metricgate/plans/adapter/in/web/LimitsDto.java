package dev.metricgate.plans.adapter.in.web;

import dev.metricgate.plans.domain.EffectiveLimits;
import dev.metricgate.plans.domain.FailureMode;
import dev.metricgate.plans.domain.Limits;
import dev.metricgate.plans.domain.RateLimit;
import dev.metricgate.plans.domain.RouteLimit;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;

/** Limits as JSON, for requests (own limits, nulls inherit) and responses (own and effective). */
record LimitsDto(
        @Valid RateLimitDto rateLimit,
        @Min(0) Long monthlyQuota,
        @Valid @Size(max = 100) List<@NotNull @Valid RouteLimitDto> routeLimits,
        FailureMode failureMode,
        Boolean shadow) {

    record RateLimitDto(
            @NotNull @Min(1) @Max(1_000_000) Integer requestsPerSecond,
            @NotNull @Min(1) @Max(10_000_000) Integer burst) {}

    record RouteLimitDto(
            @NotBlank @Size(max = 256) String route,
            @NotNull @Min(1) @Max(1_000_000) Integer requestsPerSecond,
            @NotNull @Min(1) @Max(10_000_000) Integer burst) {}

    Limits toDomain() {
        return new Limits(
                rateLimit == null ? null : new RateLimit(rateLimit.requestsPerSecond(), rateLimit.burst()),
                monthlyQuota,
                routeLimits == null
                        ? null
                        : routeLimits.stream()
                                .map(r -> new RouteLimit(r.route(), r.requestsPerSecond(), r.burst()))
                                .toList(),
                failureMode,
                shadow);
    }

    static LimitsDto of(Limits limits) {
        return new LimitsDto(
                rate(limits.rateLimit()),
                limits.monthlyQuota(),
                limits.routeLimits() == null ? null : routes(limits.routeLimits()),
                limits.failureMode(),
                limits.shadow());
    }

    static LimitsDto of(EffectiveLimits limits) {
        return new LimitsDto(
                rate(limits.rateLimit()),
                limits.monthlyQuota(),
                routes(limits.routeLimits()),
                limits.failureMode(),
                limits.shadow());
    }

    private static RateLimitDto rate(RateLimit rate) {
        return rate == null ? null : new RateLimitDto(rate.requestsPerSecond(), rate.burst());
    }

    private static List<RouteLimitDto> routes(List<RouteLimit> routes) {
        return routes.stream()
                .map(r -> new RouteLimitDto(r.route(), r.requestsPerSecond(), r.burst()))
                .toList();
    }
}
