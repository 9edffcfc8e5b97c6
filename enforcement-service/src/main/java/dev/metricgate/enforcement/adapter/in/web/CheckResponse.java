package dev.metricgate.enforcement.adapter.in.web;

import dev.metricgate.enforcement.domain.Decision;
import dev.metricgate.enforcement.domain.PolicyStatus;
import java.util.List;
import java.util.UUID;

/** 200 answer of {@code POST /v1/check}. */
record CheckResponse(boolean allowed, UUID tenantId, UUID apiKeyId, List<PolicyView> policies) {

    record PolicyView(String name, long limit, long remaining, long resetSeconds) {

        static PolicyView of(PolicyStatus status) {
            return new PolicyView(
                    status.policy().wireName(), status.limit(), status.remaining(), status.resetSeconds());
        }
    }

    static CheckResponse of(Decision decision) {
        return new CheckResponse(
                true,
                decision.grant().tenantId(),
                decision.grant().keyId(),
                decision.policies().stream().map(PolicyView::of).toList());
    }
}
