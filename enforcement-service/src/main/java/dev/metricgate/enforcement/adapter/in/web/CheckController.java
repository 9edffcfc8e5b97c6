package dev.metricgate.enforcement.adapter.in.web;

import dev.metricgate.enforcement.application.CheckAccess;
import dev.metricgate.enforcement.application.CheckCommand;
import dev.metricgate.enforcement.domain.Decision;
import jakarta.validation.Valid;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/** {@code POST /v1/check}: may this API call proceed? Authenticated by the API key being checked. */
@RestController
class CheckController {

    static final String API_KEY_HEADER = "X-Api-Key";

    private final CheckAccess checkAccess;

    CheckController(CheckAccess checkAccess) {
        this.checkAccess = checkAccess;
    }

    @PostMapping(path = "/v1/check", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<CheckResponse> check(
            @RequestHeader(name = API_KEY_HEADER, required = false) String apiKey,
            @Valid @RequestBody(required = false) CheckRequest body) {
        CheckRequest request = body == null ? new CheckRequest(null, null) : body;
        Decision decision =
                checkAccess.check(new CheckCommand(apiKey, request.routeOrDefault(), request.costOrDefault()));
        if (!decision.allowed()) {
            throw new RequestDeniedException(decision);
        }
        HttpHeaders headers = new HttpHeaders();
        RateLimitHeaders.apply(decision, headers);
        return ResponseEntity.ok().headers(headers).body(CheckResponse.of(decision));
    }
}
