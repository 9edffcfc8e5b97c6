package dev.metricgate.plans.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class TenantTest {

    private static final Instant NOW = Instant.parse("2026-11-22T10:00:00Z");

    private static String codeOf(Runnable action) {
        try {
            action.run();
        } catch (DomainException e) {
            return e.code();
        }
        return "none";
    }

    @Test
    void givenNoCalendar_whenCreating_thenUtcAndAnchorDayOne() {
        Tenant tenant = Tenant.create(UUID.randomUUID(), "a", TenantKind.RESELLER, null, null, null, null, NOW);

        assertThat(tenant.timeZone()).isEqualTo("UTC");
        assertThat(tenant.billingAnchorDay()).isEqualTo(1);
        assertThat(tenant.status()).isEqualTo(TenantStatus.ACTIVE);
    }

    @Test
    void givenInvalidCalendarOrName_whenCreating_thenRejectedWithCodes() {
        UUID id = UUID.randomUUID();

        assertThat(codeOf(() -> Tenant.create(id, "a", TenantKind.RESELLER, null, null, "Mars/Base", 1, NOW)))
                .isEqualTo("tenant.invalid_time_zone");
        assertThat(codeOf(() -> Tenant.create(id, "a", TenantKind.RESELLER, null, null, "+02:00", 1, NOW)))
                .isEqualTo("tenant.invalid_time_zone");
        assertThat(codeOf(() -> Tenant.create(id, "a", TenantKind.RESELLER, null, null, "UTC", 29, NOW)))
                .isEqualTo("tenant.invalid_anchor_day");
        assertThat(codeOf(() -> Tenant.create(id, " ", TenantKind.RESELLER, null, null, null, null, NOW)))
                .isEqualTo("tenant.invalid_name");
        assertThat(Tenant.create(id, "a", TenantKind.RESELLER, null, null, "Europe/Berlin", 28, NOW)
                        .timeZone())
                .isEqualTo("Europe/Berlin");
    }

    @Test
    void givenDeletedTenant_whenChangingStatus_thenConflict() {
        Tenant tenant = Tenant.create(UUID.randomUUID(), "a", TenantKind.RESELLER, null, null, null, null, NOW);
        tenant.markDeleted(NOW);

        assertThatThrownBy(() -> tenant.changeStatus(TenantStatus.ACTIVE, NOW)).isInstanceOf(ConflictException.class);
        assertThat(tenant.isLive()).isFalse();
    }
}
