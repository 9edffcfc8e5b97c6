package dev.metricgate.plans.domain;

import java.util.List;

/**
 * A plan's own limits. Every {@code null} field inherits the parent plan's effective value; a plan
 * without a parent leaves it unlimited ({@code failureMode} defaults to {@code FAIL_SOFT},
 * {@code shadow} to {@code false}).
 */
public record Limits(
        RateLimit rateLimit, Long monthlyQuota, List<RouteLimit> routeLimits, FailureMode failureMode, Boolean shadow) {

    public static final Limits NONE = new Limits(null, null, null, null, null);

    public Limits {
        if (monthlyQuota != null && monthlyQuota < 0) {
            throw new RuleViolationException("plan.invalid_limits", "monthlyQuota must not be negative.");
        }
        if (routeLimits != null) {
            routeLimits = List.copyOf(routeLimits);
            long distinct =
                    routeLimits.stream().map(RouteLimit::route).distinct().count();
            if (distinct != routeLimits.size()) {
                throw new RuleViolationException("plan.duplicate_route", "Each route may have one limit only.");
            }
        }
    }

    /** These limits on top of inherited effective ones. */
    EffectiveLimits over(EffectiveLimits inherited) {
        return new EffectiveLimits(
                rateLimit != null ? rateLimit : inherited.rateLimit(),
                monthlyQuota != null ? monthlyQuota : inherited.monthlyQuota(),
                routeLimits != null ? routeLimits : inherited.routeLimits(),
                failureMode != null ? failureMode : inherited.failureMode(),
                shadow != null ? shadow : inherited.shadow());
    }
}
