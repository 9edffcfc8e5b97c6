package dev.metricgate.enforcement;

import static dev.metricgate.enforcement.support.Trees.key;
import static dev.metricgate.enforcement.support.Trees.limits;
import static dev.metricgate.enforcement.support.Trees.tenant;
import static org.assertj.core.api.Assertions.assertThat;

import dev.metricgate.contracts.KeyResolution.TenantLevel;
import dev.metricgate.enforcement.support.EnforcementIT;
import dev.metricgate.enforcement.support.Trees.Key;
import dev.metricgate.enforcement.support.UsageServiceStub;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.redis.core.RedisCallback;

/**
 * Redis loses its counters (FLUSHALL, a new Redis): a tenant's used quota comes back from
 * usage-service's record before more is admitted, and until it can, the plan's failure mode decides
 * (ADR 0019).
 */
class QuotaRebuildIT extends EnforcementIT {

    private final UsageServiceStub usage = UsageServiceStub.get();

    @AfterEach
    void usageServiceUp() {
        usage.down(false);
    }

    private List<Integer> statuses(Key key, int checks) {
        List<Integer> statuses = new ArrayList<>();
        for (int i = 0; i < checks; i++) {
            statuses.add(http().post()
                    .uri("/v1/check")
                    .header("X-Api-Key", key.plaintext())
                    .exchange()
                    .returnResult()
                    .getStatus()
                    .value());
        }
        return statuses;
    }

    private void flushAll() {
        redis.execute((RedisCallback<Void>) connection -> {
            connection.serverCommands().flushAll();
            return null;
        });
    }

    @Test
    void givenRedisFlushedMidPeriod_whenChecking_thenTheUsedQuotaIsRebuiltFromUsageServiceFirst() {
        TenantLevel reseller = tenant(1, limits(1000, 1000, 20L));
        TenantLevel customer = tenant(2, limits(1000, 1000, 12L));
        Key key = key(reseller, customer).registered();
        assertThat(statuses(key, 5)).containsOnly(200);

        flushAll();
        // what usage-service recorded: the reseller's other customers used 10 more
        usage.charged(reseller.tenantId(), 15);
        usage.charged(customer.tenantId(), 5);
        int asked = usage.calls();

        // 5 left of the reseller's 20: without the rebuild, 12 would pass (the customer's quota)
        assertThat(statuses(key, 8)).containsExactly(200, 200, 200, 200, 200, 429, 429, 429);
        assertThat(usage.calls() - asked)
                .as("one rebuild, asked once per tenant")
                .isEqualTo(2);
    }

    @Test
    void givenRedisFlushedWhileUsageServiceIsDown_whenChecking_thenTheFailureModeDecidesUntilTheRebuild() {
        TenantLevel closedRoot = tenant(1, limits(1000, 1000, 3L, List.of(), "FAIL_CLOSED", false));
        TenantLevel softRoot = tenant(1, limits(1000, 1000, 3L, List.of(), "FAIL_SOFT", false));
        Key closed = key(closedRoot).registered();
        Key soft = key(softRoot).registered();
        assertThat(statuses(closed, 1)).containsExactly(200);
        assertThat(statuses(soft, 1)).containsExactly(200);

        flushAll();
        usage.down(true);
        usage.charged(closedRoot.tenantId(), 2);
        usage.charged(softRoot.tenantId(), 2);

        assertThat(statuses(closed, 2)).containsExactly(503, 503);
        // fail-soft decides locally and cannot count quotas: its buckets let these through
        assertThat(statuses(soft, 2)).containsExactly(200, 200);

        usage.down(false);
        // back to Redis, rebuilt from the 2 units recorded: 1 of the quota of 3 is left
        assertThat(statuses(closed, 2)).containsExactly(200, 429);
        assertThat(statuses(soft, 2)).containsExactly(200, 429);
    }
}
