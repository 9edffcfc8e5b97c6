package dev.metricgate.kit.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;
import org.springframework.http.HttpStatus;

class ProblemsTest {

    @AfterEach
    void clearMdc() {
        MDC.clear();
    }

    @Test
    void problem_carriesStableCode_typeUriFromCode_andTheCurrentTraceId() {
        MDC.put("traceId", "4bf92f3577b34da6a3ce929d0e0e4736");

        var problem = Problems.of(HttpStatus.UNPROCESSABLE_CONTENT, "tenant.depth_exceeded", "Too deep", "detail");

        assertThat(problem.getStatus()).isEqualTo(422);
        assertThat(problem.getType()).hasToString("https://metricgate.dev/problems/tenant/depth_exceeded");
        assertThat(problem.getProperties())
                .containsEntry("code", "tenant.depth_exceeded")
                .containsEntry("traceId", "4bf92f3577b34da6a3ce929d0e0e4736");
    }

    @Test
    void problem_withoutTrace_hasNoTraceId() {
        var problem = Problems.of(HttpStatus.BAD_REQUEST, "validation_failed", "Invalid request", "detail");

        assertThat(problem.getProperties()).doesNotContainKey("traceId");
    }
}
