package dev.metricgate.plans;

import static org.assertj.core.api.Assertions.assertThat;

import dev.metricgate.contracts.Topics;
import dev.metricgate.plans.application.Caller;
import dev.metricgate.plans.application.UpdateTenant;
import dev.metricgate.plans.application.UpdateTenant.UpdateTenantCommand;
import dev.metricgate.testsupport.KafkaRecords;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

/** The outbox: one event per committed change, in commit order per tenant, none for a rollback. */
class ChangeEventIT extends PlansServiceITBase {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    @Autowired
    UpdateTenant updateTenant;

    @Autowired
    PlatformTransactionManager transactionManager;

    private static List<ConsumerRecord<String, String>> eventsFor(UUID key, int expected) {
        return KafkaRecords.await(Topics.PLAN_CHANGES, r -> key.toString().equals(r.key()), expected, TIMEOUT);
    }

    private static JsonNode body(ConsumerRecord<String, String> record) {
        return JSON.readTree(record.value());
    }

    @Test
    void givenSeveralChanges_whenCommitted_thenExactlyOneEventEachInCommitOrder() {
        UUID tenant = reseller(null);
        patch("/v1/tenants/" + tenant, ADMIN, map("name", "renamed"));
        patch("/v1/tenants/" + tenant, ADMIN, map("status", "SUSPENDED"));
        patch("/v1/tenants/" + tenant, ADMIN, map("status", "ACTIVE"));
        Reply key = post("/v1/tenants/" + tenant + "/api-keys", ADMIN, null);
        delete("/v1/api-keys/" + key.json().get("id").asString(), ADMIN);
        patch("/v1/tenants/" + tenant, ADMIN, map("name", "last"));

        List<ConsumerRecord<String, String>> records = eventsFor(tenant, 7);

        assertThat(records.stream().map(r -> body(r).get("type").asString()))
                .containsExactly(
                        "TENANT_CREATED",
                        "TENANT_UPDATED",
                        "TENANT_SUSPENDED",
                        "TENANT_RESUMED",
                        "API_KEY_CREATED",
                        "API_KEY_REVOKED",
                        "TENANT_UPDATED");
        for (ConsumerRecord<String, String> record : records) {
            String header = new String(
                    record.headers().lastHeader(Topics.EVENT_ID_HEADER).value(), StandardCharsets.UTF_8);
            assertThat(header).isEqualTo(body(record).get("eventId").asString());
        }
        JsonNode revoked = body(records.get(5));
        assertThat(revoked.at("/apiKeys/0/keyId").asString())
                .isEqualTo(key.json().get("id").asString());
        assertThat(revoked.at("/apiKeys/0/status").asString()).isEqualTo("REVOKED");
        assertThat(revoked.at("/apiKeys/0/keyHash").asString()).hasSize(43);
        assertThat(count(
                        "select count(*) from outbox_events where message_key = ? and published_at is null",
                        tenant.toString()))
                .isZero();
    }

    @Test
    void givenChangeInRolledBackTransaction_whenNextChangeCommits_thenOnlyTheCommittedOneIsPublished() {
        UUID tenant = reseller(null);
        Caller admin = new Caller("platform-admin", null, true, false, false);
        new TransactionTemplate(transactionManager).executeWithoutResult(status -> {
            updateTenant.handle(
                    new UpdateTenantCommand(tenant, "rolled-back", false, null, false, null, null, null, null), admin);
            status.setRollbackOnly();
        });
        patch("/v1/tenants/" + tenant, ADMIN, map("name", "committed"));

        List<ConsumerRecord<String, String>> records = eventsFor(tenant, 2);

        assertThat(records).hasSize(2);
        assertThat(body(records.get(1)).at("/tenants/0/name").asString()).isEqualTo("committed");
        assertThat(records.stream().map(ConsumerRecord::value)).noneMatch(v -> v.contains("rolled-back"));
        assertThat(get("/v1/tenants/" + tenant, ADMIN).json().get("name").asString())
                .isEqualTo("committed");
    }

    @Test
    void givenSubtree_whenParentSuspended_thenEventCarriesTheWholeSubtree() {
        UUID root = reseller(null);
        UUID mid = reseller(root);
        UUID leaf = customer(mid);

        patch("/v1/tenants/" + mid, ADMIN, map("status", "SUSPENDED"));

        List<ConsumerRecord<String, String>> records = eventsFor(mid, 2);
        JsonNode suspended = body(records.getLast());
        assertThat(suspended.get("type").asString()).isEqualTo("TENANT_SUSPENDED");
        Set<String> ids = idsOf(suspended);
        assertThat(ids).containsExactlyInAnyOrder(mid.toString(), leaf.toString());
        assertThat(suspended.at("/tenants/0/level").asInt()).isEqualTo(2);
    }

    @Test
    void givenSubtree_whenMovedIntoAnotherTree_thenEventNamesTheRootsBeforeAndAfter() {
        UUID oldRoot = reseller(null);
        UUID mid = reseller(oldRoot);
        UUID leaf = customer(mid);
        UUID newRoot = reseller(null);
        UUID newParent = reseller(newRoot);

        Reply reply = patch("/v1/tenants/" + mid, ADMIN, map("parentId", newParent.toString()));

        assertThat(reply.status()).as(reply.raw()).isEqualTo(200);
        JsonNode moved = body(eventsFor(mid, 2).getLast());
        assertThat(moved.get("type").asString()).isEqualTo("TENANT_MOVED");
        assertThat(idsOf(moved)).containsExactlyInAnyOrder(mid.toString(), leaf.toString());
        assertThat(moved.at("/move/fromRootId").asString()).isEqualTo(oldRoot.toString());
        assertThat(moved.at("/move/toRootId").asString()).isEqualTo(newRoot.toString());
    }

    @Test
    void givenPlanUsedByInheritance_whenUpdated_thenEventNamesEveryTenantWithNewQuota() {
        UUID plan = createPlan(plan(null, 10, 1000L));
        UUID root = createTenant("RESELLER", null, plan);
        UUID child = customer(root);
        UUID unrelated = reseller(null);

        Reply updated = put("/v1/plans/" + plan, ADMIN, plan(null, 10, 2000L));

        assertThat(updated.status()).isEqualTo(200);
        List<ConsumerRecord<String, String>> records = eventsFor(plan, 2);
        JsonNode event = body(records.getLast());
        assertThat(event.get("type").asString()).isEqualTo("PLAN_UPDATED");
        assertThat(idsOf(event)).containsExactlyInAnyOrder(root.toString(), child.toString());
        assertThat(idsOf(event)).doesNotContain(unrelated.toString());
        assertThat(event.at("/tenants/0/monthlyQuota").asLong()).isEqualTo(2000L);
    }

    private static Set<String> idsOf(JsonNode event) {
        return event.get("tenants")
                .valueStream()
                .map(t -> t.get("id").asString())
                .collect(Collectors.toSet());
    }
}
