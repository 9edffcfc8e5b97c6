package dev.metricgate.bench.bucket4j;

import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.redis.lettuce.cas.LettuceBasedProxyManager;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/** {@code POST /v1/check}: one token from the caller's API key bucket, 200 or 429. */
@RestController
class CheckController {

    private final LettuceBasedProxyManager<String> buckets;
    private final BucketConfiguration plan;

    CheckController(LettuceBasedProxyManager<String> buckets, BucketConfiguration plan) {
        this.buckets = buckets;
        this.plan = plan;
    }

    record CheckResponse(boolean allowed, long remaining) {}

    @PostMapping(path = "/v1/check", produces = "application/json")
    ResponseEntity<CheckResponse> check(@RequestHeader("X-Api-Key") String apiKey) {
        ConsumptionProbe probe =
                buckets.builder().build("rate-limit:" + apiKey, () -> plan).tryConsumeAndReturnRemaining(1);
        var body = new CheckResponse(probe.isConsumed(), probe.getRemainingTokens());
        return probe.isConsumed()
                ? ResponseEntity.ok(body)
                : ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS).body(body);
    }
}
