package dev.metricgate.enforcement.adapter.in.web;

import dev.metricgate.enforcement.adapter.in.RateLimitHeaders;
import dev.metricgate.enforcement.application.CheckAccess;
import dev.metricgate.enforcement.application.CheckCommand;
import dev.metricgate.enforcement.domain.Decision;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.ObjectWriter;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code POST /v1/check}: may this API call proceed? Authenticated by the API key being checked.
 *
 * <p>This is the hot path, so the handler reads the key header, the body and writes the answer on
 * the servlet request and response itself, with a JSON reader and writer built once. Spring MVC's
 * argument resolution and message converters (which copy every request header and negotiate the
 * content type on each call) cost about a fifth of the request thread's time per check in a profile
 * of {@code make bench}. The mapping's {@code produces} still answers 406 to a caller that accepts
 * no JSON; a denial is thrown and answered as problem+json by {@link ApiExceptionHandler}.
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
    void check(HttpServletRequest http, HttpServletResponse response) throws IOException {
        CheckRequest request = requests.read(http.getInputStream().readAllBytes());
        Decision decision = checkAccess.check(new CheckCommand(
                http.getHeader(API_KEY_HEADER),
                request.routeOrDefault(),
                request.costOrDefault(),
                CheckCommand.Protocol.HTTP));
        if (!decision.allowed()) {
            throw new RequestDeniedException(decision);
        }
        RateLimitHeaders.apply(decision, response::setHeader);
        byte[] body = responses.writeValueAsBytes(CheckResponse.of(decision));
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }
}
