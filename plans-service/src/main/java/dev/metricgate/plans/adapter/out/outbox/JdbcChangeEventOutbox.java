package dev.metricgate.plans.adapter.out.outbox;

import dev.metricgate.contracts.PlanChangeEvent;
import dev.metricgate.contracts.Topics;
import dev.metricgate.plans.application.port.out.ChangeEventOutbox;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/** Writes the event row through the use case's own connection, so it commits with the change. */
@Component
class JdbcChangeEventOutbox implements ChangeEventOutbox {

    private final JdbcTemplate jdbc;
    private final JsonMapper json;

    JdbcChangeEventOutbox(JdbcTemplate jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    @Override
    public void append(String messageKey, PlanChangeEvent event) {
        jdbc.update(
                "insert into outbox_events (event_id, topic, message_key, payload) values (?, ?, ?, ?::jsonb)",
                event.eventId(),
                Topics.PLAN_CHANGES,
                messageKey,
                json.writeValueAsString(event));
    }
}
