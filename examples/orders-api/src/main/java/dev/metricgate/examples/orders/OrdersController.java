package dev.metricgate.examples.orders;

import dev.metricgate.starter.MeteredCost;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Each call is checked as its route: {@code GET /orders/{id}}, {@code POST /orders}, {@code GET /reports/monthly}. */
@RestController
class OrdersController {

    @GetMapping("/orders/{id}")
    Map<String, Object> order(@PathVariable String id) {
        return Map.of("id", id, "status", "shipped");
    }

    @PostMapping("/orders")
    @ResponseStatus(HttpStatus.CREATED)
    Map<String, Object> create(@RequestBody(required = false) Map<String, Object> order) {
        return Map.of("id", "o-" + java.util.UUID.randomUUID().toString().substring(0, 8), "status", "accepted");
    }

    /** An expensive report: each call costs 5 of the consumer's rate limit and quota. */
    @MeteredCost(5)
    @GetMapping("/reports/monthly")
    Map<String, Object> monthlyReport() {
        return Map.of("orders", 1234, "revenue", "56789.00");
    }
}
