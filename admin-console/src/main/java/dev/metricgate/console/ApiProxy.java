package dev.metricgate.console;

import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.annotation.RegisteredOAuth2AuthorizedClient;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.json.JsonMapper;

/**
 * The backend-for-frontend's one door to the services: {@code /api/plans/v1/...} goes to
 * plans-service and {@code /api/usage/v1/...} to usage-service, with the signed-in admin's access
 * token (refreshed by Spring Security when it has expired). The services decide what the admin may
 * see and do; their answers, problem+json included, come back as they are. Only {@code /v1/} paths
 * are forwarded, so no internal endpoint is reachable through the console.
 */
@RestController
class ApiProxy {

    /** A path of the public API: segments of letters, digits, '-' and '_' (ids are UUIDs). */
    private static final Pattern API_PATH = Pattern.compile("/v1(/[A-Za-z0-9_-]+)+");

    private static final List<String> FORWARDED_RESPONSE_HEADERS =
            List.of(HttpHeaders.CONTENT_TYPE, HttpHeaders.CONTENT_DISPOSITION);

    /** What the pages read: JSON, problems, and the CSV export. */
    private static final List<MediaType> ACCEPTED = List.of(
            MediaType.APPLICATION_JSON, MediaType.APPLICATION_PROBLEM_JSON, MediaType.parseMediaType("text/csv"));

    /** Each service's base URL without a trailing slash, so a forwarded path is appended as it is. */
    private final Map<String, String> services;

    private final RestClient http;
    private final JsonMapper json;

    ApiProxy(ConsoleProperties properties, JsonMapper json) {
        this.json = json;
        this.services = Map.of(
                "plans", withoutTrailingSlash(properties.plansServiceUrl()),
                "usage", withoutTrailingSlash(properties.usageServiceUrl()));
        var requests = new JdkClientHttpRequestFactory();
        requests.setReadTimeout(properties.apiTimeout());
        this.http = RestClient.builder().requestFactory(requests).build();
    }

    @RequestMapping(
            path = "/api/{service}/**",
            method = {
                RequestMethod.GET,
                RequestMethod.POST,
                RequestMethod.PUT,
                RequestMethod.PATCH,
                RequestMethod.DELETE
            })
    ResponseEntity<byte[]> forward(
            @PathVariable String service,
            @RequestBody(required = false) byte[] body,
            @RegisteredOAuth2AuthorizedClient(ConsoleSecurity.REGISTRATION) OAuth2AuthorizedClient admin,
            HttpServletRequest request) {
        String base = services.get(service);
        String path = request.getRequestURI()
                .substring(request.getContextPath().length() + "/api/".length() + service.length());
        if (base == null || !API_PATH.matcher(path).matches()) {
            return problem(
                    HttpStatus.NOT_FOUND,
                    "No such API",
                    "The console forwards only /api/plans/v1/... and /api/usage/v1/...");
        }
        URI target = URI.create(base + path + (request.getQueryString() == null ? "" : "?" + request.getQueryString()));
        try {
            var call = http.method(HttpMethod.valueOf(request.getMethod()))
                    .uri(target)
                    .headers(headers -> {
                        headers.setBearerAuth(admin.getAccessToken().getTokenValue());
                        headers.setAccept(ACCEPTED);
                    });
            if (body != null && body.length > 0) {
                call = call.contentType(MediaType.APPLICATION_JSON).body(body);
            }
            return call.exchange((sent, answer) -> {
                HttpHeaders headers = new HttpHeaders();
                FORWARDED_RESPONSE_HEADERS.forEach(name -> {
                    String value = answer.getHeaders().getFirst(name);
                    if (value != null) {
                        headers.set(name, value);
                    }
                });
                return ResponseEntity.status(answer.getStatusCode())
                        .headers(headers)
                        .body(answer.getBody().readAllBytes());
            });
        } catch (ResourceAccessException e) {
            return problem(
                    HttpStatus.BAD_GATEWAY,
                    "Service unreachable",
                    "The console could not reach " + service + "-service; try again in a moment.");
        }
    }

    private static String withoutTrailingSlash(URI url) {
        String text = url.toString();
        return text.endsWith("/") ? text.substring(0, text.length() - 1) : text;
    }

    private ResponseEntity<byte[]> problem(HttpStatus status, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(title);
        return ResponseEntity.status(status)
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(json.writeValueAsBytes(problem));
    }
}
