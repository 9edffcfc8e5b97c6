package dev.metricgate.plans;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessException;

/** The audit log: written with each admin change, read per subtree and time range, append-only. */
class AuditIT extends PlansServiceITBase {

    @Test
    void givenChanges_whenReadingAuditEvents_thenWhoWhatTargetAndWhenNewestFirst() {
        UUID root = reseller(null);
        UUID child = customer(root);
        patch("/v1/tenants/" + child, ADMIN, map("name", "renamed"));

        Reply reply = get("/v1/audit-events?tenantId=" + root, ADMIN);

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.json().get("items").size()).isEqualTo(3);
        assertThat(reply.json().at("/items/0/action").asString()).isEqualTo("tenant.updated");
        assertThat(reply.json().at("/items/0/targetId").asString()).isEqualTo(child.toString());
        assertThat(reply.json().at("/items/0/actor").asString()).isEqualTo("platform-admin");
        assertThat(reply.json().at("/items/0/summary").asString()).contains("name=renamed");
        assertThat(reply.json().at("/items/2/action").asString()).isEqualTo("tenant.created");
        assertThat(reply.json().at("/items/2/targetId").asString()).isEqualTo(root.toString());
    }

    @Test
    void givenTimeRange_whenReadingAuditEvents_thenOnlyEntriesInsideIt() {
        UUID root = reseller(null);
        Instant later = Instant.now().plus(1, ChronoUnit.HOURS);

        Reply future = get("/v1/audit-events?tenantId=" + root + "&from=" + later, ADMIN);
        Instant longAgo = Instant.now().minus(3_650, ChronoUnit.DAYS);
        Reply past = get("/v1/audit-events?tenantId=" + root + "&to=" + longAgo, ADMIN);
        Reply now = get("/v1/audit-events?tenantId=" + root + "&from=" + longAgo + "&to=" + later, ADMIN);

        assertThat(future.json().get("items").size()).isZero();
        assertThat(past.json().get("items").size()).isZero();
        assertThat(now.json().get("items").size()).isEqualTo(1);
    }

    @Test
    void givenAuditRow_whenUpdatingOrDeletingIt_thenTheDatabaseRefuses() {
        UUID root = reseller(null);

        assertThatThrownBy(() -> jdbc.update("update audit_events set actor = 'someone' where target_id = ?", root))
                .isInstanceOf(DataAccessException.class);
        assertThatThrownBy(() -> jdbc.update("delete from audit_events where target_id = ?", root))
                .isInstanceOf(DataAccessException.class);
        assertThat(count("select count(*) from audit_events where target_id = ?", root))
                .isEqualTo(1);
    }

    @Test
    void givenKeycloakUnreachable_whenProvisioningAdmin_thenServiceUnavailableAndNothingRecorded() {
        UUID tenant = reseller(null);
        long before = count("select count(*) from audit_events where tenant_id = ?", tenant);

        Reply reply = post(
                "/v1/tenants/" + tenant + "/admins", ADMIN, map("username", "someone", "email", "someone@example.com"));

        assertThat(reply.status()).isEqualTo(503);
        assertThat(reply.code()).isEqualTo("keycloak.unavailable");
        assertThat(count("select count(*) from audit_events where tenant_id = ?", tenant))
                .isEqualTo(before);
    }
}
