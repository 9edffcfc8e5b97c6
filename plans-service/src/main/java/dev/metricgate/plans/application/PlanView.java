package dev.metricgate.plans.application;

import dev.metricgate.plans.domain.EffectiveLimits;
import dev.metricgate.plans.domain.Plan;
import dev.metricgate.plans.domain.Warning;
import java.util.List;

/** A plan with its own limits and the effective ones after inheritance. */
public record PlanView(Plan plan, EffectiveLimits effectiveLimits, List<Warning> warnings) {}
