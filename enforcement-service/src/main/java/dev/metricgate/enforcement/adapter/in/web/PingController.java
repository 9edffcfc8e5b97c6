package dev.metricgate.enforcement.adapter.in.web;

import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /v1/ping}: does nothing but answer through the same stack as {@code /v1/check}
 * (security filters, MVC, JSON). The benchmark measures the framework's ceiling with it.
 */
@RestController
class PingController {

    private static final Map<String, String> PONG = Map.of("status", "ok");

    @GetMapping(path = "/v1/ping", produces = MediaType.APPLICATION_JSON_VALUE)
    Map<String, String> ping() {
        return PONG;
    }
}
