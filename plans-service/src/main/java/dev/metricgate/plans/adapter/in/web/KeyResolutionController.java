package dev.metricgate.plans.adapter.in.web;

import dev.metricgate.contracts.KeyResolution;
import dev.metricgate.plans.application.ResolveApiKey;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** Enforcement's cache-miss look-up; only service tokens reach it (see SecurityConfig). */
@RestController
@Tag(name = "Internal", description = "Service-to-service API for enforcement")
class KeyResolutionController {

    private final ResolveApiKey resolveApiKey;

    KeyResolutionController(ResolveApiKey resolveApiKey) {
        this.resolveApiKey = resolveApiKey;
    }

    @GetMapping("/internal/v1/key-resolutions/{keyHash}")
    KeyResolution resolve(@PathVariable String keyHash) {
        return resolveApiKey.handle(keyHash);
    }
}
