package dev.metricgate.enforcement.adapter.in.web;

import dev.metricgate.enforcement.adapter.in.RateLimitHeaders;
import dev.metricgate.enforcement.application.CheckAccess;
import dev.metricgate.enforcement.application.CheckCommand;
import dev.metricgate.enforcement.domain.Decision;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.ObjectWriter;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code POST /v1/check}: may this API call proceed? Authenticated by the API key being checked.
 * The body is read and the answer written as bytes with a reader and writer built once, and the
 * RateLimit headers go straight onto the response: this is the hot path.
 */
@RestController
class CheckController {

    static final String API_KEY_HEADER = "X-Api-Key";

    private final CheckAccess checkAccess;
    private final CheckRequestReader requests;
    private final ObjectWriter responses;

    CheckController(CheckAccess checkAccess, CheckRequestReader requests, JsonMapper json) {
        this.checkAccess = checkAccess;
        this.requests = requests;
        this.responses = json.writerFor(CheckResponse.class);
    }

    @PostMapping(path = "/v1/check", produces = MediaType.APPLICATION_JSON_VALUE)
    byte[] check(
            @RequestHeader(name = API_KEY_HEADER, required = false) String apiKey,
            @RequestBody(required = false) byte[] body,
            HttpServletResponse response) {
        CheckRequest request = requests.read(body);
        Decision decision = checkAccess.check(new CheckCommand(
                apiKey, request.routeOrDefault(), request.costOrDefault(), CheckCommand.Protocol.HTTP));
        if (!decision.allowed()) {
            throw new RequestDeniedException(decision);
        }
        RateLimitHeaders.apply(decision, response::setHeader);
        return responses.writeValueAsBytes(CheckResponse.of(decision));
    }
}
