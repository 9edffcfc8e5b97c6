package dev.metricgate.plans.adapter.out.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import dev.metricgate.plans.PlansServiceITBase;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Published outbox rows are kept for the retention (7 days by default), then deleted. */
class OutboxRelayIT extends PlansServiceITBase {

    @Autowired
    OutboxRelay relay;

    private UUID publishedRow(String age) {
        UUID eventId = UUID.randomUUID();
        jdbc.update(
                "insert into outbox_events (event_id, topic, message_key, payload, created_at, published_at)"
                        + " values (?, 'retention-test', 'k', '{}'::jsonb, now() - ?::interval, now() - ?::interval)",
                eventId,
                age,
                age);
        return eventId;
    }

    @Test
    void givenPublishedRows_whenCleaning_thenOnlyThoseOlderThanTheRetentionAreDeleted() {
        UUID old = publishedRow("8 days");
        UUID recent = publishedRow("1 hour");

        relay.deletePublished();

        assertThat(count("select count(*) from outbox_events where event_id = ?", old))
                .isZero();
        assertThat(count("select count(*) from outbox_events where event_id = ?", recent))
                .isEqualTo(1);
    }
}
